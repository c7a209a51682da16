package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.forward.AssumeRoleSpec;
import fanout.forward.DynamoMappingReader;
import fanout.forward.KinesisClientFactory;
import fanout.localaws.LocalAws;
import fanout.mapping.Mapping;
import fanout.state.LastError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** The real handler against dynalite and kinesalite. */
class ForwarderIT {
    static final String ACCOUNT = "123456789012";
    static final String SOURCE_NAME = "coreRetailStream";
    static final String SOURCE = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/" + SOURCE_NAME;

    static LocalAws local;
    static LocalClients clients;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        local = LocalAws.start();
        clients = new LocalClients(local);
        createTable("fanoutTargets", "sourceArn", "id");
        createTable("fanoutState", "pk", "sk");
        createStream(SOURCE_NAME, 1);
        createStream("ab12Stream", 1);
        createStream("cd34Stream", 2);
        createStream("ef56Stream", 1);
    }

    @AfterAll
    static void stop() {
        clients.close();
        local.close();
    }

    static void createTable(String name, String hash, String range) {
        clients.dynamo.createTable(
                b ->
                        b.tableName(name)
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName(hash)
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName(range)
                                                        .attributeType(ScalarAttributeType.S))
                                .keySchema(
                                        k -> k.attributeName(hash).keyType(KeyType.HASH),
                                        k -> k.attributeName(range).keyType(KeyType.RANGE))
                                .provisionedThroughput(
                                        p -> p.readCapacityUnits(100L).writeCapacityUnits(100L)));
        clients.dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    static void createStream(String name, int shards) {
        clients.kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        clients.kinesis.waiter().waitUntilStreamExists(b -> b.streamName(name));
    }

    /** A row exactly as the original CLI's register wrote it: its attributes only. */
    static void originalRow(String id, String destination, Boolean parallel) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("sourceArn", AttributeValue.fromS(SOURCE));
        item.put("id", AttributeValue.fromS(id));
        item.put("type", AttributeValue.fromS("kinesis"));
        item.put("destination", AttributeValue.fromS(destination));
        item.put("active", AttributeValue.fromBool(true));
        if (parallel != null) {
            item.put("parallel", AttributeValue.fromBool(parallel));
        }
        item.put(
                "role",
                AttributeValue.fromS("arn:aws:iam::210987654321:role/" + id + "StreamWriter"));
        item.put("region", AttributeValue.fromS("us-west-2"));
        clients.dynamo.putItem(b -> b.tableName("fanoutTargets").item(item));
    }

    private FanoutHandler handler(List<Optional<AssumeRoleSpec>> roles) {
        CloudWatchClient cloudWatch = new RecordingCloudWatch();
        return new FanoutHandler(
                Map.of("AWS_REGION", "us-west-2", "FANOUT_MAX_CONCURRENCY", "4"),
                new ForwarderServices(
                        clients.dynamo, cloudWatch, clients.factory(roles), Clock.systemUTC()));
    }

    @Test
    void recordsReallyArriveInEveryDestinationInOrderAndAMissingOneStopsNobody() throws Exception {
        originalRow("ab12", "ab12Stream", false);
        originalRow("cd34", "arn:aws:kinesis:us-west-2:210987654321:stream/cd34Stream", null);
        originalRow("ef56", "ef56Stream", false);
        originalRow("gh78", "gh78Stream", true); // never created
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String data = "{\"n\":" + i + "}";
            sent.add(data);
            clients.kinesis.putRecord(
                    b ->
                            b.streamName(SOURCE_NAME)
                                    .partitionKey("key" + (sent.size() % 4))
                                    .data(SdkBytes.fromUtf8String(data)));
        }
        List<Optional<AssumeRoleSpec>> roles = new CopyOnWriteArrayList<>();
        JsonNode answer;
        try (FanoutHandler handler = handler(roles)) {
            answer = invoke(handler, eventOf(read(SOURCE_NAME)));
        }

        assertThat(answer.get("batchItemFailures")).isEmpty();
        assertThat(read("ab12Stream"))
                .extracting(ForwarderIT::text)
                .containsExactlyElementsOf(sent);
        assertThat(read("ef56Stream"))
                .extracting(ForwarderIT::text)
                .containsExactlyElementsOf(sent);
        List<Record> spread = read("cd34Stream");
        assertThat(spread).extracting(ForwarderIT::text).containsExactlyInAnyOrderElementsOf(sent);
        assertPerKeyOrder(spread, sent);
        LastError missing =
                LastError.fromItem(
                        clients.dynamo
                                .getItem(
                                        b ->
                                                b.tableName("fanoutState")
                                                        .key(
                                                                Map.of(
                                                                        "pk",
                                                                        AttributeValue.fromS(
                                                                                "error#" + SOURCE),
                                                                        "sk",
                                                                        AttributeValue.fromS(
                                                                                "gh78"))))
                                .item());
        assertThat(missing.code()).isEqualTo("ResourceNotFound");
        assertThat(roles)
                .extracting(r -> r.map(AssumeRoleSpec::sessionName).orElse(""))
                .contains("fanout-ab12", "fanout-cd34", "fanout-gh78");
    }

    @Test
    void aHandedBackBatchReachesTheLaggingDestinationWithoutDuplicatesForTheOthers()
            throws Exception {
        String sourceName = "handBackSource";
        String source = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/" + sourceName;
        createStream(sourceName, 1);
        createStream("steadyStream", 1);
        createStream("laggingStream", 1);
        for (String[] row :
                new String[][] {{"steady", "steadyStream"}, {"lag1", "laggingStream"}}) {
            clients.dynamo.putItem(
                    b ->
                            b.tableName("fanoutTargets")
                                    .item(
                                            Map.of(
                                                    "sourceArn",
                                                    AttributeValue.fromS(source),
                                                    "id",
                                                    AttributeValue.fromS(row[0]),
                                                    "type",
                                                    AttributeValue.fromS("kinesis"),
                                                    "destination",
                                                    AttributeValue.fromS(row[1]),
                                                    "active",
                                                    AttributeValue.fromBool(true),
                                                    "parallel",
                                                    AttributeValue.fromBool(false))));
        }
        for (int i = 0; i < 20; i++) {
            String data = "r" + i;
            clients.kinesis.putRecord(
                    b ->
                            b.streamName(sourceName)
                                    .partitionKey("k" + data.length())
                                    .data(SdkBytes.fromUtf8String(data)));
        }
        List<Record> records = read(sourceName);
        AtomicBoolean throttling = new AtomicBoolean(true);
        KinesisClientFactory factory =
                new KinesisClientFactory() {
                    @Override
                    public KinesisClient forDestination(
                            String region, Optional<AssumeRoleSpec> role) {
                        return new ThrottlingClient(clients.kinesis, "laggingStream", throttling);
                    }

                    @Override
                    public void close() {}
                };

        try (FanoutHandler handler =
                new FanoutHandler(
                        Map.of("AWS_REGION", "us-west-2"),
                        new ForwarderServices(
                                clients.dynamo,
                                new RecordingCloudWatch(),
                                factory,
                                Clock.systemUTC()))) {
            JsonNode first = invoke(handler, eventOf(records, source), 2_500);
            assertThat(first.get("batchItemFailures")).hasSize(1);
            String from = first.get("batchItemFailures").get(0).get("itemIdentifier").asText();
            assertThat(from).isEqualTo(records.get(0).sequenceNumber());
            assertThat(read("steadyStream")).hasSize(20);
            assertThat(read("laggingStream")).isEmpty();

            throttling.set(false);
            JsonNode second = invoke(handler, eventOf(records, source), 60_000);
            assertThat(second.get("batchItemFailures")).isEmpty();
        }

        List<String> sent = records.stream().map(ForwarderIT::text).toList();
        assertThat(read("steadyStream"))
                .extracting(ForwarderIT::text)
                .containsExactlyElementsOf(sent);
        assertThat(read("laggingStream"))
                .extracting(ForwarderIT::text)
                .containsExactlyElementsOf(sent);
        assertThat(
                        clients.dynamo
                                .query(
                                        b ->
                                                b.tableName("fanoutState")
                                                        .keyConditionExpression("pk = :pk")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":pk",
                                                                        AttributeValue.fromS(
                                                                                "checkpoint#"
                                                                                        + source
                                                                                        + "#shardId-000000000000"))))
                                .items())
                .as("checkpoints are deleted once the batch succeeded")
                .isEmpty();
    }

    /** Refuses every entry for one stream while {@code throttling}; passes the rest through. */
    private static final class ThrottlingClient implements KinesisClient {
        private final KinesisClient delegate;
        private final String stream;
        private final AtomicBoolean throttling;

        ThrottlingClient(KinesisClient delegate, String stream, AtomicBoolean throttling) {
            this.delegate = delegate;
            this.stream = stream;
            this.throttling = throttling;
        }

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            if (!request.streamName().equals(stream) || !throttling.get()) {
                return delegate.putRecords(request);
            }
            List<PutRecordsResultEntry> refused =
                    request.records().stream()
                            .map(
                                    e ->
                                            PutRecordsResultEntry.builder()
                                                    .errorCode(
                                                            "ProvisionedThroughputExceededException")
                                                    .errorMessage("Rate exceeded for shard")
                                                    .build())
                            .toList();
            return PutRecordsResponse.builder()
                    .records(refused)
                    .failedRecordCount(refused.size())
                    .build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }

    @Test
    void aMappingTableLargerThanOneQueryPageIsReadCompletely() {
        String source = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/bigClass";
        String padding = "x".repeat(2500);
        for (int i = 0; i < 600; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("sourceArn", AttributeValue.fromS(source));
            item.put("id", AttributeValue.fromS(String.format("s%03d", i)));
            item.put("type", AttributeValue.fromS("kinesis"));
            item.put("destination", AttributeValue.fromS("stream" + i));
            item.put("active", AttributeValue.fromBool(i % 2 == 0));
            item.put("notes", AttributeValue.fromS(padding));
            clients.dynamo.putItem(b -> b.tableName("fanoutTargets").item(item));
        }
        AtomicInteger pages = new AtomicInteger();
        DynamoDbClient counting =
                new DynamoDbClient() {
                    @Override
                    public QueryResponse query(QueryRequest request) {
                        pages.incrementAndGet();
                        return clients.dynamo.query(request);
                    }

                    @Override
                    public String serviceName() {
                        return "dynamodb";
                    }

                    @Override
                    public void close() {}
                };

        List<Mapping> mappings = new DynamoMappingReader(counting, "fanoutTargets").read(source);

        assertThat(pages.get()).isGreaterThan(1);
        assertThat(mappings).hasSize(600);
        assertThat(mappings).filteredOn(Mapping::active).hasSize(300);
        assertThat(mappings).allSatisfy(m -> assertThat(m.parallel()).isTrue());
    }

    private JsonNode invoke(FanoutHandler handler, JsonNode event) throws Exception {
        return invoke(handler, event, 60_000);
    }

    private JsonNode invoke(FanoutHandler handler, JsonNode event, int remainingMillis)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(json.writeValueAsBytes(event)),
                out,
                new FakeContext(remainingMillis));
        return json.readTree(out.toByteArray());
    }

    /** Every record of every shard of a stream, shard by shard. */
    static List<Record> read(String stream) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : clients.kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator =
                    clients.kinesis
                            .getShardIterator(
                                    b ->
                                            b.streamName(stream)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = clients.kinesis.getRecords(b -> b.shardIterator(current).limit(1000));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    /** The Lambda event for these source records (one shard). */
    private JsonNode eventOf(List<Record> records) {
        return eventOf(records, SOURCE);
    }

    private JsonNode eventOf(List<Record> records, String source) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record r : records) {
            ObjectNode entry = array.addObject();
            ObjectNode kinesis = entry.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", r.partitionKey());
            kinesis.put("sequenceNumber", r.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(r.data().asByteArray()));
            kinesis.put(
                    "approximateArrivalTimestamp",
                    r.approximateArrivalTimestamp().toEpochMilli() / 1000.0);
            entry.put("eventSource", "aws:kinesis");
            entry.put("eventVersion", "1.0");
            entry.put("eventID", "shardId-000000000000:" + r.sequenceNumber());
            entry.put("eventName", "aws:kinesis:record");
            entry.put("invokeIdentityArn", "arn:aws:iam::" + ACCOUNT + ":role/fanout");
            entry.put("awsRegion", "us-west-2");
            entry.put("eventSourceARN", source);
        }
        return event;
    }

    private static String text(Record record) {
        return new String(record.data().asByteArray(), StandardCharsets.UTF_8);
    }

    private static void assertPerKeyOrder(List<Record> written, List<String> sent) {
        Map<String, List<String>> byKey = new HashMap<>();
        written.forEach(
                r -> byKey.computeIfAbsent(r.partitionKey(), k -> new ArrayList<>()).add(text(r)));
        byKey.values()
                .forEach(
                        list ->
                                assertThat(list)
                                        .isSortedAccordingTo(
                                                (a, b) ->
                                                        Integer.compare(
                                                                sent.indexOf(a), sent.indexOf(b))));
    }
}
