package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.SessionFactory;
import fanout.mapping.Mapping;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MappingCommandsIT {
    private static final AtomicInteger FUNCTIONS = new AtomicInteger();
    private static LocalTargets local;
    private static SessionFactory sessions;

    private String function;
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
        function = "cmd" + FUNCTIONS.incrementAndGet();
        repository = local.repository(local.createTable(function));
    }

    private CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--function";
        all[args.length + 1] = function;
        return CommandRun.of(sessions, all);
    }

    private CommandRun registerSeed(String id) {
        return run(
                "register",
                "kinesis",
                "--source-arn",
                SOURCE,
                "--id",
                id,
                "--destination-region",
                "us-west-2",
                "--active",
                "true",
                "--parallel",
                "false",
                "--destination-role-arn",
                "arn:aws:iam::210987654321:role/" + id + "StreamWriter",
                "--destination",
                "arn:aws:kinesis:us-west-2:210987654321:stream/" + id + "Stream");
    }

    @Test
    void theSeedsRegisterCommandWorksVerbatim() {
        CommandRun run = registerSeed("ab12");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("registered ab12 -> ab12Stream");
        Mapping stored = repository.get(SOURCE, "ab12").orElseThrow();
        assertThat(stored.destination()).isEqualTo("ab12Stream");
        assertThat(stored.active()).isTrue();
        assertThat(stored.parallel()).isFalse();
        assertThat(stored.role()).isEqualTo("arn:aws:iam::210987654321:role/ab12StreamWriter");
    }

    @Test
    void registeringTheSameIdTwiceFailsUnlessOverwrite() {
        registerSeed("ab12");
        CommandRun again = registerSeed("ab12");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("--overwrite");
        CommandRun overwrite =
                run(
                        "register",
                        "kinesis",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination",
                        "newStream",
                        "--destination-role-arn",
                        "arn:aws:iam::123456789012:role/classStreamWriter",
                        "--overwrite");
        assertThat(overwrite.exitCode()).as(overwrite.toString()).isZero();
        assertThat(overwrite.out()).contains("replaced ab12 -> newStream");
    }

    @Test
    void anotherTargetTypeIsAUsageError() {
        CommandRun run =
                run(
                        "register",
                        "sqs",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination",
                        "q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("unsupported target type 'sqs': this fanout forwards to kinesis streams");
    }

    @Test
    void aBooleanFlagNeedsTrueOrFalse() {
        CommandRun run =
                run(
                        "register",
                        "kinesis",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination",
                        "s",
                        "--active",
                        "yes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--active").contains("yes");
    }

    @Test
    void aBadSourceArnNamesThePart() {
        CommandRun run = run("list", "--source-arn", "arn:aws:kinesis:us-west-2:12345:stream/core");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source-arn").contains("account '12345'");
    }

    @Test
    void withoutSourceArnTheWorkshopSourceInTheCallersAccountIsUsed() {
        CommandRun run =
                run(
                        "register",
                        "kinesis",
                        "--id",
                        "ab12",
                        "--destination",
                        "ab12Stream",
                        "--destination-role-arn",
                        "arn:aws:iam::123456789012:role/classStreamWriter");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repository.get(SOURCE, "ab12")).isPresent();
    }

    @Test
    void activateTakesTheSeedsFormAListAndAll() {
        run(
                "register",
                "kinesis",
                "--source-arn",
                SOURCE,
                "--id",
                "ab12",
                "--destination",
                "a",
                "--destination-role-arn",
                "arn:aws:iam::123456789012:role/classStreamWriter");
        run(
                "register",
                "kinesis",
                "--source-arn",
                SOURCE,
                "--id",
                "cd34",
                "--destination",
                "c",
                "--destination-role-arn",
                "arn:aws:iam::123456789012:role/classStreamWriter");
        run(
                "register",
                "kinesis",
                "--source-arn",
                SOURCE,
                "--id",
                "ef56",
                "--destination",
                "e",
                "--destination-role-arn",
                "arn:aws:iam::123456789012:role/classStreamWriter");
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
    void updateWritesTheRoleThatTheOriginalDropped() {
        registerSeed("ab12");
        CommandRun run =
                run(
                        "update",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination-role-arn",
                        "arn:aws:iam::210987654321:role/fixedStreamWriter",
                        "--external-id",
                        "xid-1");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Mapping stored = repository.get(SOURCE, "ab12").orElseThrow();
        assertThat(stored.role()).isEqualTo("arn:aws:iam::210987654321:role/fixedStreamWriter");
        assertThat(stored.externalId()).isEqualTo("xid-1");
        assertThat(stored.version()).isEqualTo(2);
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

    @Test
    void aMissingTableIsExitThreeWithTheFix() {
        CommandRun run = CommandRun.of(sessions, "list", "--function", "absent");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .contains("table absentTargets does not exist in us-west-2: run `fanout deploy`");
    }

    @Test
    void theOriginalsSourceAndSourceTypeFlagsNameAStreamInTheCallersAccount() {
        CommandRun run =
                run(
                        "register",
                        "kinesis",
                        "--source-type",
                        "kinesis",
                        "--source",
                        "coreRetailStream",
                        "--id",
                        "ab12",
                        "--destination",
                        "ab12Stream",
                        "--destination-role-arn",
                        "arn:aws:iam::123456789012:role/classStreamWriter");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repository.get(SOURCE, "ab12")).isPresent();
        CommandRun dynamo = run("list", "--source-type", "dynamodb", "--source", "orders");
        assertThat(dynamo.exitCode()).isEqualTo(2);
        assertThat(dynamo.err())
                .contains("--source-type dynamodb: this fanout reads kinesis streams only");
    }
}
