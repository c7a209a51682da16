package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.mapping.Mapping;
import org.junit.jupiter.api.Test;

/**
 * {@code activate}, {@code list} and {@code unregister} over one, several or all of a source's
 * mappings.
 */
class MappingSelectionIT extends MappingCommandsFixture {
    @Test
    void activateTakesTheSeedsFormAListAndAll() {
        register("ab12", "a");
        register("cd34", "c");
        register("ef56", "e");
        CommandRun one = run("activate", "--source-arn", SOURCE, "--id", "ab12");
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(one.out()).contains("activated ab12");
        CommandRun list = run("deactivate", "--source-arn", SOURCE, "--id", "ab12,cd34,zz99");
        assertThat(list.exitCode()).isEqualTo(4);
        assertThat(list.out()).contains("deactivated ab12").contains("already inactive: cd34");
        assertThat(list.err()).contains("no mapping for zz99");
        CommandRun all = run("activate", "--all", "--source-arn", SOURCE);
        assertThat(all.exitCode()).isZero();
        assertThat(repository.list(SOURCE)).allMatch(Mapping::active);
    }

    @Test
    void listPrintsATableJsonWithTheTablesAttributeNamesAndCsv() throws Exception {
        registerSeed("ab12");
        registerSeed("cd34");
        CommandRun text = run("list", "--source-arn", SOURCE);
        assertThat(text.out())
                .contains("id    name  active  parallel  region     destination  role")
                .contains(
                        "ab12        true    false     us-west-2  ab12Stream   arn:aws:iam::210987654321:role/ab12StreamWriter")
                .contains("2 mappings");
        CommandRun json = run("list", "--source-arn", SOURCE, "--output", "json");
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("sourceArn").asText()).isEqualTo(SOURCE);
        assertThat(rows.get(0).get("destination").asText()).isEqualTo("ab12Stream");
        assertThat(rows.get(0).has("convertDDB")).isTrue();
        assertThat(rows.get(0).get("version").asLong()).isEqualTo(1);
        CommandRun csv = run("list", "--output", "csv");
        assertThat(csv.out())
                .startsWith("sourceArn,id,type,destination,active,parallel,role")
                .contains(SOURCE + ",cd34,kinesis,cd34Stream,true,false");
    }

    @Test
    void unregisterAllRefusesWithoutYesWhenNotATerminal() {
        registerSeed("ab12");
        registerSeed("cd34");
        CommandRun refused = run("unregister", "--all", "--source-arn", SOURCE);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("remove all 2 mappings").contains("pass --yes");
        assertThat(repository.list(SOURCE)).hasSize(2);
        CommandRun yes = run("unregister", "--all", "--yes", "--source-arn", SOURCE);
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(repository.list(SOURCE)).isEmpty();
    }

    @Test
    void unregisterOneIdRemovesOnlyIt() {
        registerSeed("ab12");
        registerSeed("cd34");
        CommandRun run = run("unregister", "--source-arn", SOURCE, "--id", "ab12");
        assertThat(run.exitCode()).isZero();
        assertThat(repository.list(SOURCE)).extracting(Mapping::id).containsExactly("cd34");
    }
}
