package fanout.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the Lambda Kinesis event shape ({@code {"Records": [{"kinesis": {...}, "eventID": ...,
 * "eventSourceARN": ...}]}}) into {@link SourceRecord}s. Malformed input fails with an {@link
 * IllegalArgumentException} naming the record index and the field, e.g. {@code
 * Records[3].kinesis.data: not valid base64}.
 */
public final class KinesisEvents {
    private static final String KINESIS_EVENT_SOURCE = "aws:kinesis";
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private KinesisEvents() {}

    /**
     * Whether {@code root} looks like a stream event rather than a control invocation: a {@code
     * Records} array whose first element comes from Kinesis (an empty array counts, it reads as no
     * records).
     */
    public static boolean isKinesisEvent(JsonNode root) {
        if (root == null || !root.path("Records").isArray()) {
            return false;
        }
        JsonNode records = root.get("Records");
        if (records.isEmpty()) {
            return true;
        }
        JsonNode first = records.get(0);
        return first.path("kinesis").isObject()
                || KINESIS_EVENT_SOURCE.equals(first.path("eventSource").asText(null));
    }

    public static List<SourceRecord> read(JsonNode root) {
        if (root == null || !root.path("Records").isArray()) {
            throw new IllegalArgumentException("Records: missing or not an array");
        }
        JsonNode records = root.get("Records");
        List<SourceRecord> result = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            result.add(readRecord(records.get(index), "Records[" + index + "]"));
        }
        return result;
    }

    private static SourceRecord readRecord(JsonNode record, String where) {
        if (!record.isObject()) {
            throw bad(where, "not an object");
        }
        JsonNode kinesis = record.path("kinesis");
        if (!kinesis.isObject()) {
            throw bad(where + ".kinesis", "missing or not an object");
        }
        String eventId = text(record, "eventID", where);
        return new SourceRecord(
                text(record, "eventSourceARN", where),
                eventId,
                shardId(eventId, where + ".eventID"),
                text(kinesis, "sequenceNumber", where + ".kinesis"),
                text(kinesis, "partitionKey", where + ".kinesis"),
                base64(kinesis, where + ".kinesis"),
                arrival(kinesis, where + ".kinesis"));
    }

    private static String text(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw bad(where + "." + field, "missing");
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw bad(where + "." + field, "not a non-empty string");
        }
        return node.asText();
    }

    /** The shard id is the part of {@code eventID} before the colon: {@code shardId-...:seq}. */
    private static String shardId(String eventId, String where) {
        int colon = eventId.indexOf(':');
        if (colon <= 0) {
            throw bad(where, "'" + eventId + "' is not shardId-...:sequenceNumber");
        }
        return eventId.substring(0, colon);
    }

    private static byte[] base64(JsonNode kinesis, String where) {
        JsonNode node = kinesis.get("data");
        if (node == null || !node.isTextual()) {
            throw bad(where + ".data", "missing or not a string");
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw bad(where + ".data", "not valid base64 (" + e.getMessage() + ")");
        }
    }

    /**
     * Lambda writes fractional epoch seconds (e.g. {@code 1545084650.987}); reading the double's
     * shortest decimal form keeps the milliseconds exact instead of rounding binary noise.
     */
    private static Instant arrival(JsonNode kinesis, String where) {
        JsonNode node = kinesis.get("approximateArrivalTimestamp");
        if (node == null || !node.isNumber()) {
            throw bad(where + ".approximateArrivalTimestamp", "missing or not a number");
        }
        if (!node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            throw bad(where + ".approximateArrivalTimestamp", "not a finite number");
        }
        BigDecimal seconds =
                node.isBigDecimal() ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue());
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos =
                seconds.subtract(whole)
                        .multiply(NANOS_PER_SECOND)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
        try {
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw bad(where + ".approximateArrivalTimestamp", "out of range: " + seconds);
        }
    }

    private static IllegalArgumentException bad(String field, String problem) {
        return new IllegalArgumentException("Kinesis event " + field + ": " + problem);
    }
}
