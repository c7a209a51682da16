package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

/** Kinesis events in the shape Lambda's event source mapping delivers them. */
final class LambdaEvents {
    private final ObjectMapper json = new ObjectMapper();

    JsonNode of(List<LoopbackStreams.Stored> records) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (LoopbackStreams.Stored r : records) {
            ObjectNode entry = array.addObject();
            ObjectNode kinesis = entry.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", r.partitionKey());
            kinesis.put("sequenceNumber", r.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(r.data()));
            kinesis.put("approximateArrivalTimestamp", r.arrival().toEpochMilli() / 1000.0);
            entry.put("eventSource", "aws:kinesis");
            entry.put("eventVersion", "1.0");
            entry.put("eventID", LoopbackStreams.SHARD + ":" + r.sequenceNumber());
            entry.put("eventName", "aws:kinesis:record");
            entry.put(
                    "invokeIdentityArn",
                    "arn:aws:iam::" + LoopbackClass.SOURCE_ACCOUNT + ":role/fanoutRole");
            entry.put("awsRegion", LoopbackClass.REGION);
            entry.put("eventSourceARN", LoopbackClass.SOURCE_ARN);
        }
        return event;
    }
}
