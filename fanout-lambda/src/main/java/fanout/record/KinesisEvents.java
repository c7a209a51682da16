package fanout.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
public final class KinesisEvents {
    private KinesisEvents() {}

    public static boolean isKinesisEvent(JsonNode root) {
        return root != null && root.has("Records") && root.get("Records").isArray();
    }

    public static List<SourceRecord> read(JsonNode root) {
        List<SourceRecord> out = new ArrayList<>();
        for (JsonNode r : root.get("Records")) {
            JsonNode k = r.get("kinesis");
            String eventId = r.get("eventID").asText();
            double arrival = k.get("approximateArrivalTimestamp").asDouble();
            out.add(
                    new SourceRecord(
                            r.get("eventSourceARN").asText(),
                            eventId,
                            eventId.substring(0, eventId.indexOf(':')),
                            k.get("sequenceNumber").asText(),
                            k.get("partitionKey").asText(),
                            Base64.getDecoder().decode(k.get("data").asText()),
                            Instant.ofEpochMilli((long) (arrival * 1000))));
        }
        return out;
    }
}
