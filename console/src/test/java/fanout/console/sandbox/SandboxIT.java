package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.aws.policy.CallLog;
import fanout.console.aws.policy.PolicyEvaluator;
import fanout.console.deploy.PolicyDocuments;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import fanout.localaws.LocalAws;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The seed procedure, walked against a real sandbox (dynalite, kinesalite, the real forwarder
 * behind the event source mapping emulator), through the same in-process command line that {@code
 * ./fanout --sandbox} reaches.
 */
class SandboxIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BROKEN = List.of("st55", "uv66", "wx77");

    private static final List<String> log = new CopyOnWriteArrayList<>();
    private static SandboxRuntime runtime;
    private static InProcessCli cli;
    private static KinesisClient plain;
    private static Path roster;
    private static SimulatedClass students;
    private static Instant beforeStart;
    private static Instant readyAt;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        Optional<Path> home = LocalAws.findHome();
        WorkshopCatalog catalog = new WorkshopCatalog(home);
        Workshop workshop = catalog.load("hello-retail");
        roster = home.orElseThrow().resolve("workshops/hello-retail/rosters/sample-class.csv");
        try (InputStream in = Files.newInputStream(roster)) {
            students = SimulatedClass.read(in, roster.toString(), workshop);
        }
        Clock clock = Clock.systemUTC();
        beforeStart = Instant.now();
        runtime =
                SandboxRuntime.start(
                        new SandboxSettings(home, students, 5, SandboxServices::new),
                        clock,
                        line -> {
                            log.add(line);
                            System.out.println("[sandbox] " + line);
                        });
        readyAt = Instant.now();
        cli = new InProcessCli(new SandboxSessionFactory(catalog, runtime.clients(), clock));
        plain =
                KinesisClient.builder()
                        .endpointOverride(runtime.kinesisEndpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .httpClient(ApacheHttpClient.create())
                        .build();
    }

    @AfterAll
    static void stopTheSandbox() {
        if (plain != null) {
            plain.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theSeedProcedureDeliversTransformedRecordsAndReportsBrokenStudentsWithTheirReasons()
            throws Exception {
        CommandRunner.Result plan = run("deploy", "--dry-run", "--output", "json");
        String executionPolicy = JSON.readTree(plan.out()).path("executionPolicy").toString();
        assertThat(run("deploy").exitCode()).as("deploy").isZero();
        assertThat(run("roster", "import", roster.toString(), "--activate").exitCode())
                .as("roster import --activate")
                .isZero();
        CommandRunner.Result check = run("roster", "check");
        assertThat(check.out())
                .contains("st55")
                .contains("uv66")
                .containsPattern("(?i)not found")
                .contains("AccessDenied");
        assertThat(run("hook", "--starting-position", "TRIM_HORIZON").exitCode())
                .as("hook")
                .isZero();

        Instant hooked = Instant.now();
        SimulatedStudent ada = student("ab12");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !records(ada).isEmpty());
        log.stream()
                .filter(line -> line.startsWith("first record delivered"))
                .forEach(line -> System.out.println("SANDBOX TIMING: " + line));
        System.out.printf(
                "SANDBOX TIMING: sandbox ready in %.1f s; seed procedure done %.1f s after start;"
                        + " ab12 read its first record %.1f s after the hook%n",
                Duration.between(beforeStart, readyAt).toMillis() / 1000.0,
                Duration.between(runtime.started(), hooked).toMillis() / 1000.0,
                Duration.between(hooked, Instant.now()).toMillis() / 1000.0);

        JsonNode delivered = JSON.readTree(records(ada).get(0).data().asByteArray());
        assertThat(delivered.path("schema").asText())
                .isEqualTo("com.nordstrom/retail-stream-egress/1-0-0");
        assertThat(delivered.path("eventId").asText()).startsWith("shardId-");
        assertThat(delivered.path("data").path("schema").asText())
                .startsWith("com.nordstrom/product/");

        // Broken students do not hold the healthy ones back: every healthy stream catches up
        // with what the source held a moment ago.
        long sourceSoFar = runtime.recordsSent();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> {
                            for (SimulatedStudent student : students.students()) {
                                if (!BROKEN.contains(student.id())) {
                                    assertThat((long) records(student).size())
                                            .as(student.id() + " keeps pace with the source")
                                            .isGreaterThanOrEqualTo(sourceSoFar);
                                }
                            }
                        });
        assertThat(records(student("wx77")))
                .as("the throttled student still receives")
                .isNotEmpty();

        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> {
                            Map<String, JsonNode> status = status();
                            assertThat(status.get("st55").path("state").asText())
                                    .isEqualTo("ERROR");
                            assertThat(status.get("st55").path("lastError").toString())
                                    .containsIgnoringCase("not found");
                            assertThat(status.get("uv66").path("state").asText())
                                    .isEqualTo("ERROR");
                            assertThat(status.get("uv66").path("lastError").toString())
                                    .contains("AccessDenied");
                            assertThat(status.get("wx77").path("throttled").asLong()).isPositive();
                            for (SimulatedStudent student : students.students()) {
                                if (!BROKEN.contains(student.id())) {
                                    assertThat(status.get(student.id()).path("state").asText())
                                            .as(student.id())
                                            .isIn("OK", "LAG");
                                    assertThat(status.get(student.id()).path("delivered").asLong())
                                            .isPositive();
                                }
                            }
                        });
        System.out.println("SANDBOX STATUS: " + run("status").out());
        everyCallWasGrantedByThePoliciesDeployAndHandoutWrite(executionPolicy);
    }

    /**
     * The policy coverage check: every call the forwarder made as the function's role is granted by
     * the execution policy {@code deploy --dry-run} prints plus the hook's read grant, and every
     * call it made as a student's role by the permissions the handout gives students. A new call
     * without a grant fails here, whatever the forwarder starts calling.
     */
    private static void everyCallWasGrantedByThePoliciesDeployAndHandoutWrite(
            String executionPolicy) {
        List<CallLog.Call> calls = runtime.calls().calls();
        assertThat(runtime.calls().denied()).as("calls IAM refused in the sandbox").isEmpty();
        List<String> functionGrants =
                List.of(
                        executionPolicy,
                        PolicyDocuments.text(PolicyDocuments.streamRead(runtime.sourceArn())));
        List<CallLog.Call> byFunction =
                calls.stream()
                        .filter(c -> c.caller().contains(":assumed-role/fanoutRole/"))
                        .toList();
        assertThat(byFunction)
                .extracting(CallLog.Call::action)
                .contains("dynamodb:Query", "dynamodb:BatchWriteItem", "cloudwatch:PutMetricData");
        assertThat(byFunction)
                .allSatisfy(
                        call ->
                                assertThat(PolicyEvaluator.allows(functionGrants, call.request()))
                                        .as(call.action() + " on " + call.resource())
                                        .isTrue());
        for (SimulatedStudent student : students.students()) {
            List<String> studentGrants =
                    List.of(
                            PolicyDocuments.text(
                                    PolicyDocuments.studentPermissions(student.streamArn())));
            calls.stream()
                    .filter(
                            c ->
                                    c.caller()
                                            .contains(
                                                    ":"
                                                            + student.account()
                                                            + ":assumed-role/"
                                                            + student.roleArn()
                                                                    .substring(
                                                                            student.roleArn()
                                                                                            .lastIndexOf(
                                                                                                    '/')
                                                                                    + 1)
                                                            + "/"))
                    .forEach(
                            call ->
                                    assertThat(
                                                    PolicyEvaluator.allows(
                                                            studentGrants, call.request()))
                                            .as(student.id() + ": " + call.action())
                                            .isTrue());
        }
        System.out.println(
                "SANDBOX CALLS: " + calls.size() + " distinct (caller, action, resource)");
    }

    private static CommandRunner.Result run(String... args) {
        CommandRunner.Result result = cli.run(List.of(args));
        System.out.println("$ fanout --sandbox " + String.join(" ", args));
        System.out.println(result.out() + result.err() + "(exit " + result.exitCode() + ")");
        return result;
    }

    private static Map<String, JsonNode> status() throws Exception {
        CommandRunner.Result result = cli.run(List.of("status", "--output", "json"));
        JsonNode root = JSON.readTree(result.out());
        Map<String, JsonNode> byId = new HashMap<>();
        root.path("destinations").forEach(d -> byId.put(d.path("id").asText(), d));
        return byId;
    }

    private static SimulatedStudent student(String id) {
        return students.students().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Everything in the student's stream, read as anyone would, under its kinesalite name. */
    private static List<Record> records(SimulatedStudent student) {
        String stream = student.account() + "." + student.region() + "." + student.streamName();
        String shard = plain.listShards(r -> r.streamName(stream)).shards().get(0).shardId();
        String iterator =
                plain.getShardIterator(
                                r ->
                                        r.streamName(stream)
                                                .shardId(shard)
                                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
        List<Record> all = new ArrayList<>();
        while (true) {
            String current = iterator;
            GetRecordsResponse page = plain.getRecords(r -> r.shardIterator(current));
            all.addAll(page.records());
            if (page.records().isEmpty() || page.millisBehindLatest() == 0) {
                return all;
            }
            iterator = page.nextShardIterator();
        }
    }
}
