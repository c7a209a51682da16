package fanout.loopback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The PutRecords answer written straight to bytes with a streaming generator (no ObjectNode per
 * entry, no String of the whole answer): each entry's sequence number and shard, or the throttling
 * error for the entries the sink refused.
 */
final class PutRecordsAnswer {
    /** About what one accepted entry's result takes, to size the buffer once. */
    private static final int BYTES_PER_ENTRY = 110;

    private PutRecordsAnswer() {}

    /**
     * @param sequenceNumbers per entry in request order, null for an entry refused as throttled
     */
    static WireResponse write(
            JsonFactory factory, String account, String name, String[] sequenceNumbers)
            throws IOException {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(64 + sequenceNumbers.length * BYTES_PER_ENTRY);
        String rateExceeded = null;
        int failed = 0;
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (String sequenceNumber : sequenceNumbers) {
                g.writeStartObject();
                if (sequenceNumber == null) {
                    failed++;
                    if (rateExceeded == null) {
                        rateExceeded =
                                "Rate exceeded for shard "
                                        + LoopbackStreams.SHARD
                                        + " in stream "
                                        + name
                                        + " under account "
                                        + account
                                        + ".";
                    }
                    g.writeStringField("ErrorCode", "ProvisionedThroughputExceededException");
                    g.writeStringField("ErrorMessage", rateExceeded);
                } else {
                    g.writeStringField("SequenceNumber", sequenceNumber);
                    g.writeStringField("ShardId", LoopbackStreams.SHARD);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("FailedRecordCount", failed);
            g.writeEndObject();
        }
        return new WireResponse(
                200, WireResponse.JSON_11, out.toByteArray(), Duration.ZERO, Map.of());
    }
}
