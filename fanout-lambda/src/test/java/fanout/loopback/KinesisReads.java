package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The read side of the loopback Kinesis: summary, shards, iterators and GetRecords. */
final class KinesisReads {
    static final int MAX_GET_RECORDS = 10_000;
    private static final String MAX_HASH = "340282366920938463463374607431768211455";

    private final LoopbackStreams streams;
    private final ObjectMapper json;

    KinesisReads(LoopbackStreams streams, ObjectMapper json) {
        this.streams = streams;
        this.json = json;
    }

    WireResponse summary(String account, String name) throws IOException {
        ObjectNode answer = json.createObjectNode();
        ObjectNode summary = answer.putObject("StreamDescriptionSummary");
        summary.put("StreamName", name);
        summary.put("StreamARN", "arn:aws:kinesis:us-west-2:" + account + ":stream/" + name);
        summary.put("StreamStatus", "ACTIVE");
        summary.putObject("StreamModeDetails").put("StreamMode", "PROVISIONED");
        summary.put("RetentionPeriodHours", 24);
        summary.put("StreamCreationTimestamp", 1_764_000_000);
        summary.putArray("EnhancedMonitoring").addObject().putArray("ShardLevelMetrics");
        summary.put("EncryptionType", "NONE");
        summary.put("OpenShardCount", 1);
        summary.put("ConsumerCount", 0);
        return ok(answer);
    }

    WireResponse listShards() throws IOException {
        ObjectNode answer = json.createObjectNode();
        ObjectNode shard = answer.putArray("Shards").addObject();
        shard.put("ShardId", LoopbackStreams.SHARD);
        shard.putObject("HashKeyRange").put("StartingHashKey", "0").put("EndingHashKey", MAX_HASH);
        shard.putObject("SequenceNumberRange")
                .put(
                        "StartingSequenceNumber",
                        "49659127394405840167428115789226937401171000000000000001");
        return ok(answer);
    }

    WireResponse iterator(String account, String name, JsonNode body) throws IOException {
        if (!LoopbackStreams.SHARD.equals(body.path("ShardId").asText())) {
            return error(
                    "ResourceNotFoundException",
                    "Shard " + body.path("ShardId").asText() + " not found");
        }
        List<LoopbackStreams.Stored> records = streams.records(account, name);
        String type = body.path("ShardIteratorType").asText("");
        int position;
        switch (type) {
            case "TRIM_HORIZON" -> position = 0;
            case "LATEST" -> position = records.size();
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
                BigInteger wanted = new BigInteger(body.path("StartingSequenceNumber").asText("0"));
                position = records.size();
                for (LoopbackStreams.Stored r : records) {
                    int cmp = new BigInteger(r.sequenceNumber()).compareTo(wanted);
                    if (type.startsWith("AT") ? cmp >= 0 : cmp > 0) {
                        position = r.index();
                        break;
                    }
                }
            }
            case "AT_TIMESTAMP" -> {
                double at = body.path("Timestamp").asDouble();
                position =
                        (int) records.stream().filter(r -> epochSeconds(r.arrival()) < at).count();
            }
            default -> {
                return error(
                        "ValidationException", "ShardIteratorType " + type + " is not supported");
            }
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("ShardIterator", iterator(account, name, position));
        return ok(answer);
    }

    WireResponse getRecords(JsonNode body) throws IOException {
        String[] parts;
        try {
            parts =
                    new String(
                                    Base64.getDecoder()
                                            .decode(body.path("ShardIterator").asText("")),
                                    StandardCharsets.UTF_8)
                            .split("\\|");
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 3) {
            return error("InvalidArgumentException", "ShardIterator is not valid");
        }
        List<LoopbackStreams.Stored> records = streams.records(parts[0], parts[1]);
        int position = Integer.parseInt(parts[2]);
        int limit = Math.min(MAX_GET_RECORDS, body.path("Limit").asInt(MAX_GET_RECORDS));
        int end = Math.min(records.size(), position + limit);
        ObjectNode answer = json.createObjectNode();
        ArrayNode out = answer.putArray("Records");
        for (LoopbackStreams.Stored r : records.subList(position, end)) {
            ObjectNode record = out.addObject();
            record.put("SequenceNumber", r.sequenceNumber());
            record.put("ApproximateArrivalTimestamp", epochSeconds(r.arrival()));
            record.put("Data", Base64.getEncoder().encodeToString(r.data()));
            record.put("PartitionKey", r.partitionKey());
        }
        answer.put("NextShardIterator", iterator(parts[0], parts[1], end));
        long behind =
                end < records.size()
                        ? Instant.now().toEpochMilli() - records.get(end).arrival().toEpochMilli()
                        : 0;
        answer.put("MillisBehindLatest", Math.max(0, behind));
        return ok(answer);
    }

    private static String iterator(String account, String name, int position) {
        return Base64.getEncoder()
                .encodeToString(
                        (account + "|" + name + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static double epochSeconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private WireResponse ok(ObjectNode answer) throws IOException {
        return WireResponse.of(200, WireResponse.JSON_11, json.writeValueAsString(answer));
    }

    private static WireResponse error(String type, String message) {
        return WireResponse.jsonError(400, WireResponse.JSON_11, type, message);
    }
}
