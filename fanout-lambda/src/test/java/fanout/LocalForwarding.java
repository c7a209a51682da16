package fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.localaws.LocalAws;
import fanout.testing.LocalTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Shared by the forwarder ITs: dynalite and kinesalite with the tables and streams, and the
 * handler's wire format (one LocalAws per test class).
 */
abstract class LocalForwarding {
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
        LocalTables.create(clients.dynamo, "fanoutTargets", "sourceArn", "id");
        LocalTables.create(clients.dynamo, "fanoutState", "pk", "sk");
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

    JsonNode invoke(FanoutHandler handler, JsonNode event) throws Exception {
        return invoke(handler, event, 60_000);
    }

    JsonNode invoke(FanoutHandler handler, JsonNode event, int remainingMillis) throws Exception {
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
    JsonNode eventOf(List<Record> records) {
        return eventOf(records, SOURCE);
    }

    JsonNode eventOf(List<Record> records, String source) {
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

    static String text(Record record) {
        return new String(record.data().asByteArray(), StandardCharsets.UTF_8);
    }
}
