package fanout.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.mapping.Arn;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The Kinesis event Lambda hands a function, built from GetRecords results, and the partial batch
 * response a function answers with.
 */
final class LambdaBatchEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaBatchEvents() {}

    /** The event for one batch of one shard, exactly as Lambda shapes it. */
    static byte[] event(
            String sourceArn, String shardId, String invokeIdentityArn, List<Record> records) {
        String region = Arn.kinesisStream(sourceArn).region();
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode item = array.addObject();
            ObjectNode kinesis = item.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(record.data().asByteArray()));
            kinesis.put(
                    "approximateArrivalTimestamp",
                    BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli(), 3));
            item.put("eventSource", "aws:kinesis");
            item.put("eventVersion", "1.0");
            item.put("eventID", shardId + ":" + record.sequenceNumber());
            item.put("eventName", "aws:kinesis:record");
            item.put("invokeIdentityArn", invokeIdentityArn);
            item.put("awsRegion", region);
            item.put("eventSourceARN", sourceArn);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a Kinesis event", e);
        }
    }

    /**
     * The sequence numbers a function reported as failed, or empty when it reported none. A
     * response that is not a partial batch response counts as success, as Lambda treats it.
     *
     * @throws IllegalArgumentException when a failure names no sequence number: Lambda then retries
     *     the whole batch
     */
    static Optional<List<String>> failures(byte[] response) {
        JsonNode root;
        try {
            root = response == null || response.length == 0 ? null : JSON.readTree(response);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.path("batchItemFailures").isArray()) {
            return Optional.empty();
        }
        List<String> failed = new ArrayList<>();
        for (JsonNode failure : root.get("batchItemFailures")) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a batch item failure has no itemIdentifier");
            }
            failed.add(id);
        }
        return failed.isEmpty() ? Optional.empty() : Optional.of(failed);
    }
}
