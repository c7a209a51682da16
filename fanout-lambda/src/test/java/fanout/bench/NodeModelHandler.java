package fanout.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * A model of the original Node fan-out's scheduling, the benchmark's reference on the same sink:
 * two destinations in flight, every record decoded and transformed again for each destination, one
 * client per destination's role. Not a port: only what decides its speed.
 */
public final class NodeModelHandler implements RequestStreamHandler {
    static final int IN_FLIGHT = 2;

    private final ObjectMapper json = new ObjectMapper();
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(8).build();
    private final DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).build();
    private final StsClient sts = StsClient.builder().httpClient(http).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
    private final Map<String, KinesisClient> clients = new ConcurrentHashMap<>();
    private final String table = System.getenv("FANOUT_TARGETS_TABLE");
    private List<Map<String, AttributeValue>> mappings;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode records = json.readTree(input).path("Records");
        String source = records.get(0).path("eventSourceARN").asText();
        if (mappings == null) {
            mappings =
                    dynamo
                            .queryPaginator(
                                    q ->
                                            q.tableName(table)
                                                    .keyConditionExpression("sourceArn = :s")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":s",
                                                                    AttributeValue.fromS(source))))
                            .items()
                            .stream()
                            .toList();
        }
        List<Future<?>> pending = new ArrayList<>();
        for (Map<String, AttributeValue> mapping : mappings) {
            pending.add(workers.submit(() -> deliver(mapping, records)));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IOException("a destination failed", e);
            }
        }
        output.write("{\"batchItemFailures\":[]}".getBytes());
    }

    private void deliver(Map<String, AttributeValue> mapping, JsonNode records) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (JsonNode record : records) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(record.path("kinesis").path("partitionKey").asText())
                            .data(SdkBytes.fromByteArray(transform(record)))
                            .build());
        }
        String destination = mapping.get("destination").s();
        String stream =
                destination.substring(destination.indexOf(":stream/") + ":stream/".length());
        client(mapping.get("role").s()).putRecords(b -> b.streamName(stream).records(entries));
    }

    /** Decode and hello-retail transform, as the original did once per record per destination. */
    private byte[] transform(JsonNode record) {
        try {
            byte[] data = Base64.getDecoder().decode(record.path("kinesis").path("data").asText());
            ObjectNode event = (ObjectNode) json.readTree(data);
            event.put("schema", "com.nordstrom/retail-stream-egress/1-0-0");
            event.put("eventId", record.path("eventID").asText());
            event.put("timeIngest", Instant.now().toString());
            event.put("timeProcess", Instant.now().toString());
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KinesisClient client(String role) {
        return clients.computeIfAbsent(
                role,
                r ->
                        KinesisClient.builder()
                                .httpClient(http)
                                .credentialsProvider(
                                        StsAssumeRoleCredentialsProvider.builder()
                                                .stsClient(sts)
                                                .refreshRequest(
                                                        a ->
                                                                a.roleArn(r)
                                                                        .roleSessionName(
                                                                                "fanout-model"))
                                                .build())
                                .build());
    }
}
