package fanout.console.roster;

import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.SessionFactory;
import fanout.console.mapping.CommandRun;
import fanout.console.mapping.LocalTargets;
import fanout.console.mapping.MappingRepository;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RosterCommandsIT {
    private static final AtomicInteger FUNCTIONS = new AtomicInteger();
    private static LocalTargets local;
    private static SessionFactory sessions;

    @TempDir Path dir;
    private String function;
    private String table;
    private MappingRepository repository;

    @BeforeAll
    static void start() {
        local = new LocalTargets();
        sessions = local.sessions();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void freshTable() {
        function = "roster" + FUNCTIONS.incrementAndGet();
        table = local.createTable(function);
        repository = local.repository(table);
    }

    private CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--function";
        all[args.length + 1] = function;
        return CommandRun.of(sessions, all);
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String classOf(int students) {
        StringBuilder csv = new StringBuilder("id,account,region,name\r\n");
        for (int i = 0; i < students; i++) {
            csv.append(
                    String.format(
                            "s%03d,%012d,us-west-2,\"Student, %d\"\r\n", i, 100000000000L + i, i));
        }
        return csv.toString();
    }

    @Test
    void threeHundredStudentsTakeAtMostTwelveBatchWritesAndReimportChangesNothing()
            throws Exception {
        Path roster = file("class.csv", "\uFEFF" + classOf(300));
        local.resetCount();
        CommandRun first =
                run("roster", "import", roster.toString(), "--source-arn", SOURCE, "--activate");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(local.batchWrites()).isLessThanOrEqualTo(12);
        assertThat(first.out()).contains("300 new, 0 changed, 0 unchanged");
        assertThat(repository.list(SOURCE)).hasSize(300).allMatch(Mapping::active);

        local.resetCount();
        CommandRun again =
                run("roster", "import", roster.toString(), "--source-arn", SOURCE, "--activate");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("300 unchanged, nothing to do");
        assertThat(local.batchWrites()).isZero();
    }

    @Test
    void invalidLinesAreListedWithFixesAndTheValidOnesWrittenWithExitFour() throws Exception {
        Path roster =
                file(
                        "class.csv",
                        "id,account,region,team\n"
                                + "ab12,111122223333,us-west-2,red\n"
                                + "cd34,11112222333,us-west-2,red\n"
                                + "ef56,444455556666,mars-1,blue\n");
        CommandRun run = run("roster", "import", roster.toString(), "--source-arn", SOURCE);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err())
                .contains("line 3, column 2 (account): '11112222333' is not an AWS account id")
                .contains("fix: use the student's 12-digit AWS account id")
                .contains("line 4, column 3 (region): 'mars-1' is not a region")
                .contains("warning: ignoring unknown column team");
        assertThat(run.out())
                .contains("+ ab12")
                .contains("1 new, 0 changed, 0 unchanged, 2 invalid");
        assertThat(repository.list(SOURCE)).extracting(Mapping::id).containsExactly("ab12");
    }

    @Test
    void aDryRunOnlyPrints() throws Exception {
        Path roster = file("class.csv", classOf(3));
        CommandRun run =
                run("roster", "import", roster.toString(), "--dry-run", "--source-arn", SOURCE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("3 new").contains("dry run: nothing written");
        assertThat(repository.list(SOURCE)).isEmpty();
    }

    @Test
    void aFileWithoutHeaderIsAUsageError() throws Exception {
        Path roster = file("class.csv", "ab12,111122223333,us-west-2\n");
        CommandRun run = run("roster", "import", roster.toString(), "--source-arn", SOURCE);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 1: no header row");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandRun run =
                run("roster", "import", dir.resolve("nope.csv").toString(), "--source-arn", SOURCE);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void aChangedRowKeepsAnAttributeWrittenByAnotherTool() throws Exception {
        run("roster", "import", file("a.csv", classOf(2)).toString(), "--source-arn", SOURCE);
        local.dynamo()
                .updateItem(
                        r ->
                                r.tableName(table)
                                        .key(MappingCodec.key(SOURCE, "s001"))
                                        .updateExpression("SET team = :t")
                                        .expressionAttributeValues(
                                                java.util.Map.of(
                                                        ":t", AttributeValue.fromS("red"))));
        Path changed = file("b.csv", classOf(2).replace("\"Student, 1\"", "Renamed"));
        CommandRun run = run("roster", "import", changed.toString(), "--source-arn", SOURCE);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("~ s001  name: Student, 1 -> Renamed")
                .contains("0 new, 1 changed, 1 unchanged");
        var item =
                local.dynamo()
                        .getItem(r -> r.tableName(table).key(MappingCodec.key(SOURCE, "s001")))
                        .item();
        assertThat(item).containsEntry("team", AttributeValue.fromS("red"));
        assertThat(item.get("name").s()).isEqualTo("Renamed");
    }

    @Test
    void pruneNeedsYesWhenNotATerminal() throws Exception {
        run("roster", "import", file("a.csv", classOf(3)).toString(), "--source-arn", SOURCE);
        Path smaller = file("b.csv", classOf(2));
        CommandRun refused =
                run("roster", "import", smaller.toString(), "--prune", "--source-arn", SOURCE);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("remove 1 mappings that are not in the roster")
                .contains("--yes");
        assertThat(repository.list(SOURCE)).hasSize(3);
        CommandRun pruned =
                run(
                        "roster",
                        "import",
                        smaller.toString(),
                        "--prune",
                        "--yes",
                        "--source-arn",
                        SOURCE);
        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
        assertThat(pruned.out()).contains("- s002").contains("1 removed");
        assertThat(repository.list(SOURCE)).hasSize(2);
    }

    @Test
    void anExportIsARosterThatImportsBackUnchanged() throws Exception {
        run("roster", "import", file("a.csv", classOf(4)).toString(), "--source-arn", SOURCE);
        CommandRun export = run("roster", "export", "--source-arn", SOURCE);
        assertThat(export.exitCode()).isZero();
        assertThat(export.out())
                .startsWith("id,account,region,stream,role,external_id,name,helper,parallel\r\n");
        CommandRun again =
                run(
                        "roster",
                        "import",
                        file("b.csv", export.out()).toString(),
                        "--source-arn",
                        SOURCE);
        assertThat(again.out()).contains("4 unchanged, nothing to do");
    }

    @Test
    void theTemplateIsARosterWithTheWorkshopsDefaults() throws Exception {
        CommandRun template = run("roster", "template");
        assertThat(template.exitCode()).isZero();
        assertThat(template.out())
                .startsWith("id,account,region,stream,role,external_id,name,helper,parallel\r\n")
                .contains("ab12,123456789012,us-west-2,,,,Ada Byron,table-1,false");
        assertThat(template.err()).contains("{id}StreamWriter");
        CommandRun dry =
                run(
                        "roster",
                        "import",
                        file("t.csv", template.out()).toString(),
                        "--dry-run",
                        "--source-arn",
                        SOURCE);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
    }

    @Test
    void withJsonOutputTheImportPrintsOneObject() throws Exception {
        Path roster = file("class.csv", classOf(2) + "bad!,111122223333,us-west-2,x\r\n");
        CommandRun run =
                run(
                        "roster",
                        "import",
                        roster.toString(),
                        "--source-arn",
                        SOURCE,
                        "--output",
                        "json");
        assertThat(run.exitCode()).isEqualTo(4);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.get("changes")).hasSize(2);
        assertThat(json.get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(json.get("result").get("created")).hasSize(2);
        assertThat(run.err()).contains("line 4, column 1 (id)");
    }

    @Test
    void aRoleRowOutsideTheAssumableRolesExitsFourWithTheOtherRowsApplied() throws Exception {
        Path roster =
                file(
                        "class.csv",
                        "id,account,role\n"
                                + "ab12,111122223333,\n"
                                + "zz01,123456789012,arn:aws:iam::123456789012:role/zz01Writer\n");

        CommandRun run = run("roster", "import", roster.toString(), "--source-arn", SOURCE);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err())
                .contains("line 3, column 3 (role)")
                .contains("zz01Writer")
                .contains("fix: use the student's role that matches it");
        assertThat(repository.list(SOURCE)).extracting(Mapping::id).containsExactly("ab12");
    }
}
