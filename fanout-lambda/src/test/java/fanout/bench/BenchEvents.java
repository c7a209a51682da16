package fanout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kinesis events in the real Lambda shape, carrying hello-retail-like product events. */
final class BenchEvents {
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    static final String SHARD = "shardId-000000000000";

    /** Sequence numbers as Kinesis writes them: 56 digits, increasing. */
    private static final BigDecimal FIRST_SEQUENCE =
            new BigDecimal("49659127394405840167428115789226937401171000000000000001");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchEvents() {}

    /** {@code count} records on one shard, ten partition keys, ~300-byte JSON payloads. */
    static byte[] event(int count) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        double arrival = 1_764_000_000.123;
        for (int i = 0; i < count; i++) {
            String sequence = FIRST_SEQUENCE.add(BigDecimal.valueOf(i)).toPlainString();
            ObjectNode record = records.addObject();
            ObjectNode kinesis = record.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", "product-" + (i % 10));
            kinesis.put("sequenceNumber", sequence);
            kinesis.put("data", Base64.getEncoder().encodeToString(payload(i)));
            kinesis.put("approximateArrivalTimestamp", arrival + i / 1000.0);
            record.put("eventSource", "aws:kinesis");
            record.put("eventVersion", "1.0");
            record.put("eventID", SHARD + ":" + sequence);
            record.put("eventName", "aws:kinesis:record");
            record.put("invokeIdentityArn", "arn:aws:iam::123456789012:role/fanoutRole");
            record.put("awsRegion", "us-west-2");
            record.put("eventSourceARN", SOURCE);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] payload(int i) {
        String json =
                "{\"schema\":\"com.nordstrom/product/create/1-0-0\","
                        + "\"origin\":\"hello-retail/sandbox/creator\","
                        + "\"timeOrigin\":\"2026-11-25T17:00:00.000Z\","
                        + "\"data\":{\"schema\":\"com.nordstrom/product/1-0-0\","
                        + "\"id\":\""
                        + (4_000_000 + i)
                        + "\",\"brand\":\"Ultra Soft\",\"name\":\"Cashmere Crew Sweater "
                        + i
                        + "\",\"description\":\"A soft knit for every day.\","
                        + "\"category\":\"Sweaters\",\"price\":129.90}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
