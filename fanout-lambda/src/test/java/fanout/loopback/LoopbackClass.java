package fanout.loopback;

import fanout.forward.DynamoStateStore;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.state.ShardCursors;
import fanout.state.ShardPosition;
import fanout.testing.LocalTables;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A workshop class on a fresh loopback sink: the source stream in the function's account, one
 * student per account (same stream name in each) behind its own role, their rows in a fresh targets
 * table in dynalite and a fresh state table; and the Lambda environment that points the real
 * handler at all of it.
 */
public final class LoopbackClass implements AutoCloseable {
    public static final String REGION = "us-west-2";
    public static final String SOURCE_ACCOUNT = "123456789012";
    public static final String SOURCE_NAME = "coreRetailStream";
    public static final String SOURCE_ARN =
            "arn:aws:kinesis:" + REGION + ":" + SOURCE_ACCOUNT + ":stream/" + SOURCE_NAME;
    public static final String STUDENT_STREAM = "studentStream";
    static final String FUNCTION_KEY = "ASIAFUNCTIONROLE0001";
    static final String FUNCTION_TOKEN = "function-session-token";

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final LoopbackAws sink;
    private final List<String> students;
    private final String targetsTable;
    private final String stateTable;
    private final URI dynalite;

    private LoopbackClass(
            LoopbackAws sink,
            List<String> students,
            String targetsTable,
            String stateTable,
            URI dynalite) {
        this.dynalite = dynalite;
        this.sink = sink;
        this.students = students;
        this.targetsTable = targetsTable;
        this.stateTable = stateTable;
    }

    /** A class of {@code size} students, every one active, ordered ({@code parallel=false}). */
    public static LoopbackClass create(URI dynalite, int size) {
        int run = RUNS.incrementAndGet();
        LoopbackAws sink = LoopbackAws.start(dynalite);
        sink.ownKey(FUNCTION_KEY, FUNCTION_TOKEN, SOURCE_ACCOUNT);
        sink.streams().create(SOURCE_ACCOUNT, SOURCE_NAME);
        List<String> students = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = String.format("s%03d", i);
            students.add(id);
            sink.streams().create(account(id), STUDENT_STREAM);
        }
        LoopbackClass lesson =
                new LoopbackClass(
                        sink,
                        List.copyOf(students),
                        "fanoutTargets" + run,
                        "fanoutState" + run,
                        dynalite);
        lesson.createTables(dynalite);
        return lesson;
    }

    /** Each student's own account: 200000000 followed by the student's number. */
    public static String account(String student) {
        return "200000000" + student.substring(1);
    }

    public static String role(String student) {
        return "arn:aws:iam::" + account(student) + ":role/fanoutStreamWriter";
    }

    public LoopbackAws sink() {
        return sink;
    }

    public List<String> students() {
        return students;
    }

    public String targetsTable() {
        return targetsTable;
    }

    public String stateTable() {
        return stateTable;
    }

    /** The environment Lambda would give the function, pointed at the sink. */
    public Map<String, String> environment(Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "fanout");
        env.put("AWS_ACCESS_KEY_ID", FUNCTION_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", "function-secret");
        env.put("AWS_SESSION_TOKEN", FUNCTION_TOKEN);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ENDPOINT_URL", sink.endpoint().toString());
        env.put("FANOUT_TARGETS_TABLE", targetsTable);
        env.put("FANOUT_STATE_TABLE", stateTable);
        env.put("FANOUT_TRANSFORM", "hello-retail");
        env.putAll(overrides);
        return env;
    }

    /** System properties of the handler JVM: JSON instead of CBOR, as the sandbox runs it. */
    public List<String> systemProperties() {
        return List.of("-Daws.cborEnabled=false", "-Daws.endpointUrl=" + sink.endpoint());
    }

    /** A fresh execution environment running the real handler. */
    public HandlerProcess environmentProcess(Map<String, String> overrides, Path log) {
        return environmentProcess(overrides, List.of(), log);
    }

    /** The same with more system properties (e.g. another handler class for a reference). */
    public HandlerProcess environmentProcess(
            Map<String, String> overrides, List<String> extraProperties, Path log) {
        List<String> properties = new ArrayList<>(systemProperties());
        properties.addAll(extraProperties);
        return HandlerProcess.start(
                environment(overrides), properties, log, Duration.ofSeconds(120));
    }

    /**
     * The destinations still behind at the end of a run, by target id: where their cursor stands on
     * each shard. What they owe is still in the source and reaches them when they recover, so it is
     * owed, not lost.
     */
    public Map<String, List<ShardPosition>> behind() {
        Map<String, List<ShardPosition>> behind = new HashMap<>();
        try (DynamoDbClient dynamo = setupClient(dynalite)) {
            for (ShardCursors shard :
                    new DynamoStateStore(dynamo, stateTable).cursorsOf(SOURCE_ARN)) {
                shard.cursors()
                        .forEach(
                                (id, cursor) ->
                                        behind.computeIfAbsent(id, k -> new ArrayList<>())
                                                .add(cursor.position()));
            }
        }
        return behind;
    }

    private static DynamoDbClient setupClient(URI dynalite) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("setup", "setup")))
                .build();
    }

    private void createTables(URI dynalite) {
        try (DynamoDbClient dynamo = setupClient(dynalite)) {
            LocalTables.create(dynamo, targetsTable, "sourceArn", "id");
            LocalTables.create(dynamo, stateTable, "pk", "sk");
            List<WriteRequest> rows = new ArrayList<>();
            for (String id : students) {
                Mapping mapping =
                        Mapping.kinesis(
                                        SOURCE_ARN,
                                        id,
                                        "arn:aws:kinesis:"
                                                + REGION
                                                + ":"
                                                + account(id)
                                                + ":stream/"
                                                + STUDENT_STREAM)
                                .withActive(true)
                                .withParallel(false)
                                .withRole(role(id), null)
                                .withRegion(REGION);
                rows.add(
                        WriteRequest.builder()
                                .putRequest(
                                        PutRequest.builder()
                                                .item(MappingCodec.toItem(mapping))
                                                .build())
                                .build());
            }
            for (int i = 0; i < rows.size(); i += 25) {
                List<WriteRequest> chunk = rows.subList(i, Math.min(rows.size(), i + 25));
                var left =
                        dynamo.batchWriteItem(b -> b.requestItems(Map.of(targetsTable, chunk)))
                                .unprocessedItems();
                if (!left.isEmpty()) {
                    throw new IllegalStateException("dynalite left mapping rows unprocessed");
                }
            }
        }
    }

    @Override
    public void close() {
        sink.close();
    }
}
