package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.loopback.SinkFaults.StreamFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kinesis, JSON 1.1 ({@code X-Amz-Target: Kinesis_20131202.*}, CBOR off): PutRecords with the
 * per-entry limits and faults, and the reads a catch-up needs. A stream named without an ARN
 * belongs to the signer's account, as on AWS.
 */
final class KinesisWire {
    static final String PREFIX = "Kinesis_20131202.";
    static final int MAX_ENTRIES = 500;
    static final long MAX_ENTRY_BYTES = 1024L * 1024;
    static final long MAX_CALL_BYTES = 5L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackStreams streams;
    private final SinkFaults faults;
    private final StsWire sts;
    private final KinesisReads reads;
    private final Map<String, AtomicLong> throttleCounters = new ConcurrentHashMap<>();

    KinesisWire(LoopbackStreams streams, SinkFaults faults, StsWire sts) {
        this.streams = streams;
        this.faults = faults;
        this.sts = sts;
        this.reads = new KinesisReads(streams, json);
    }

    WireResponse handle(WireRequest request) throws IOException {
        Object who = sts.principal(request, WireResponse.JSON_11);
        if (who instanceof WireResponse error) {
            return error;
        }
        StsWire.Principal principal = (StsWire.Principal) who;
        String operation = request.target().substring(PREFIX.length());
        String account = principal.account();
        // PutRecords is the sink's hot path: read in one streaming pass, never as a tree.
        PutRecordsBody put = null;
        JsonNode body = null;
        String name;
        String arn;
        if (operation.equals("PutRecords")) {
            put = PutRecordsBody.parse(json.getFactory(), request.body());
            name = put.streamName();
            arn = put.streamArn();
        } else {
            body = json.readTree(request.body());
            name = body.path("StreamName").asText("");
            arn = body.path("StreamARN").asText("");
        }
        if (!arn.isEmpty()) {
            String[] parts = arn.split(":");
            if (parts.length != 6 || !parts[5].startsWith("stream/")) {
                return error("ValidationException", "StreamARN is malformed: " + arn);
            }
            if (!parts[4].equals(account)) {
                return error(
                        "AccessDeniedException",
                        "User in account " + account + " is not authorized on " + arn);
            }
            name = parts[5].substring("stream/".length());
        }
        if (operation.equals("GetRecords")) {
            return reads.getRecords(body);
        }
        var stream = streams.find(account, name);
        if (stream.isEmpty()) {
            return error(
                    "ResourceNotFoundException",
                    "Stream " + name + " under account " + account + " not found.");
        }
        return switch (operation) {
            case "PutRecords" -> putRecords(account, name, stream.get(), put);
            case "DescribeStreamSummary" -> reads.summary(account, name);
            case "ListShards" -> reads.listShards();
            case "GetShardIterator" -> reads.iterator(account, name, body);
            default ->
                    error(
                            "UnknownOperationException",
                            "the loopback sink does not answer " + operation);
        };
    }

    private WireResponse putRecords(
            String account, String name, LoopbackStreams.Stream stream, PutRecordsBody body)
            throws IOException {
        StreamFault fault = faults.stream(account);
        if (fault instanceof StreamFault.Denied) {
            return error(
                    "AccessDeniedException",
                    "User is not authorized to perform: kinesis:PutRecords on stream " + name);
        }
        if (fault instanceof StreamFault.Deleted) {
            return error(
                    "ResourceNotFoundException",
                    "Stream " + name + " under account " + account + " not found.");
        }
        if (fault instanceof StreamFault.Hangs hangs) {
            return WireResponse.jsonError(500, WireResponse.JSON_11, "InternalFailure", "late")
                    .delayed(hangs.after());
        }
        List<PutRecordsBody.Entry> records = body.entries();
        if (records.size() < 1 || records.size() > MAX_ENTRIES) {
            return error(
                    "ValidationException",
                    "Records must hold 1 to 500 entries, held " + records.size());
        }
        long total = 0;
        String[] keys = new String[records.size()];
        byte[][] data = new byte[records.size()][];
        for (int i = 0; i < records.size(); i++) {
            PutRecordsBody.Entry entry = records.get(i);
            String key = entry.partitionKey();
            keys[i] = key;
            data[i] = entry.data();
            long size = data[i].length + key.getBytes(StandardCharsets.UTF_8).length;
            if (key.isEmpty() || key.length() > 256) {
                return error(
                        "ValidationException",
                        "records." + (i + 1) + ".member.partitionKey must have length 1 to 256");
            }
            if (data[i].length > MAX_ENTRY_BYTES) {
                return error(
                        "ValidationException",
                        "records." + (i + 1) + ".member.data must have length at most 1048576");
            }
            if (size > MAX_ENTRY_BYTES) {
                return error(
                        "InvalidArgumentException", "Record size exceeds 1 MiB for entry " + i);
            }
            total += size;
        }
        if (total > MAX_CALL_BYTES) {
            return error("InvalidArgumentException", "Records size exceeds 5 MB limit");
        }
        boolean[] throttled = new boolean[records.size()];
        if (fault instanceof StreamFault.Throttled t) {
            AtomicLong counter =
                    throttleCounters.computeIfAbsent(account + "/" + name, k -> new AtomicLong());
            for (int i = 0; i < throttled.length; i++) {
                throttled[i] = throttles(counter.getAndIncrement(), t.share());
            }
        }
        String[] sequenceNumbers = streams.accept(stream, keys, data, throttled);
        return PutRecordsAnswer.write(json.getFactory(), account, name, sequenceNumbers);
    }

    /**
     * Spreads the throttled entries evenly: entry n fails when it crosses a multiple of 1/share.
     */
    static boolean throttles(long n, double share) {
        return Math.floor((n + 1) * share) > Math.floor(n * share);
    }

    private static WireResponse error(String type, String message) {
        return WireResponse.jsonError(400, WireResponse.JSON_11, type, message);
    }

    static List<String> operations() {
        return List.of(
                "PutRecords",
                "DescribeStreamSummary",
                "ListShards",
                "GetShardIterator",
                "GetRecords");
    }
}
