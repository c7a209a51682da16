package fanout.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Kinesis in memory. Destinations, stream by stream: records what each stream received (payloads as
 * text, in order) and each call's entries; a stream can throttle entries, fail whole calls or
 * block. A source: shards of records {@link #append appended} by the test, read through ListShards,
 * GetShardIterator (iterators are "shard/position") and GetRecords.
 */
public final class FakeKinesis implements KinesisClient {
    /** How a stream misbehaves; the default accepts everything. */
    public interface Behavior {
        /** Runs before a call is answered (to block or to fail the whole call). */
        default void onCall(int call) {}

        /** An error code for this entry of this call, or null to accept it. */
        default String entryError(int call, int index, String data) {
            return null;
        }
    }

    private final Map<String, Behavior> behaviors = new ConcurrentHashMap<>();
    private final Map<String, List<String>> written = new ConcurrentHashMap<>();
    private final Map<String, List<List<String>>> calls = new ConcurrentHashMap<>();
    private final Map<String, List<String>> keys = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger totalCalls = new AtomicInteger();
    private final List<String> callOrder = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Record>> shards = new LinkedHashMap<>();
    private final List<GetShardIteratorRequest> iteratorRequests = new ArrayList<>();

    public FakeKinesis behave(String stream, Behavior behavior) {
        behaviors.put(stream, behavior);
        return this;
    }

    public FakeKinesis missing(String stream) {
        return behave(
                stream,
                new Behavior() {
                    @Override
                    public void onCall(int call) {
                        throw ResourceNotFoundException.builder()
                                .awsErrorDetails(
                                        details(
                                                "ResourceNotFoundException",
                                                "Stream " + stream + " under account 1 not found."))
                                .statusCode(400)
                                .build();
                    }
                });
    }

    public FakeKinesis denied(String stream) {
        return behave(
                stream,
                new Behavior() {
                    @Override
                    public void onCall(int call) {
                        throw KinesisException.builder()
                                .awsErrorDetails(
                                        details(
                                                "AccessDeniedException",
                                                "not authorized to perform kinesis:PutRecords"))
                                .statusCode(400)
                                .build();
                    }
                });
    }

    /** Throttles every entry of every call. */
    public FakeKinesis throttled(String stream) {
        return behave(
                stream,
                new Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return "ProvisionedThroughputExceededException";
                    }
                });
    }

    public static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }

    public List<String> written(String stream) {
        return List.copyOf(written.getOrDefault(stream, List.of()));
    }

    public List<String> keysWritten(String stream) {
        return List.copyOf(keys.getOrDefault(stream, List.of()));
    }

    public List<List<String>> calls(String stream) {
        return List.copyOf(calls.getOrDefault(stream, List.of()));
    }

    /** The stream of every PutRecords call, in the order they came. */
    public List<String> callOrder() {
        return List.copyOf(callOrder);
    }

    public int totalCalls() {
        return totalCalls.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        String stream = request.streamName();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        totalCalls.incrementAndGet();
        callOrder.add(stream);
        try {
            List<String> payloads = new ArrayList<>();
            request.records().forEach(e -> payloads.add(text(e)));
            List<List<String>> streamCalls =
                    calls.computeIfAbsent(
                            stream, s -> Collections.synchronizedList(new ArrayList<>()));
            int call = streamCalls.size();
            streamCalls.add(payloads);
            Behavior behavior = behaviors.getOrDefault(stream, new Behavior() {});
            behavior.onCall(call);
            return answer(stream, call, request.records(), behavior);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private PutRecordsResponse answer(
            String stream, int call, List<PutRecordsRequestEntry> entries, Behavior behavior) {
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int failed = 0;
        List<String> out =
                written.computeIfAbsent(
                        stream, s -> Collections.synchronizedList(new ArrayList<>()));
        List<String> outKeys =
                keys.computeIfAbsent(stream, s -> Collections.synchronizedList(new ArrayList<>()));
        for (int i = 0; i < entries.size(); i++) {
            String data = text(entries.get(i));
            String error = behavior.entryError(call, i, data);
            if (error == null) {
                out.add(data);
                outKeys.add(entries.get(i).partitionKey());
                results.add(
                        PutRecordsResultEntry.builder().sequenceNumber("1").shardId("s").build());
            } else {
                failed++;
                results.add(
                        PutRecordsResultEntry.builder()
                                .errorCode(error)
                                .errorMessage("Rate exceeded for shard")
                                .build());
            }
        }
        return PutRecordsResponse.builder().records(results).failedRecordCount(failed).build();
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(
            DescribeStreamSummaryRequest request) {
        Behavior behavior = behaviors.getOrDefault(request.streamName(), new Behavior() {});
        behavior.onCall(-1);
        return DescribeStreamSummaryResponse.builder()
                .streamDescriptionSummary(
                        StreamDescriptionSummary.builder()
                                .streamName(request.streamName())
                                .streamStatus(StreamStatus.ACTIVE)
                                .build())
                .build();
    }

    /** Appends a record to the source's shard (created on first use). */
    public synchronized void append(
            String shardId, String sequenceNumber, String data, Instant arrival) {
        shards.computeIfAbsent(shardId, s -> new ArrayList<>())
                .add(
                        Record.builder()
                                .sequenceNumber(sequenceNumber)
                                .partitionKey("key-" + sequenceNumber)
                                .data(SdkBytes.fromUtf8String(data))
                                .approximateArrivalTimestamp(arrival)
                                .build());
    }

    /** Every GetShardIterator call, in order. */
    public synchronized List<GetShardIteratorRequest> iteratorRequests() {
        return List.copyOf(iteratorRequests);
    }

    @Override
    public synchronized ListShardsResponse listShards(ListShardsRequest request) {
        List<Shard> list = new ArrayList<>();
        shards.keySet().forEach(id -> list.add(Shard.builder().shardId(id).build()));
        return ListShardsResponse.builder().shards(list).build();
    }

    @Override
    public synchronized GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        iteratorRequests.add(request);
        List<Record> records = shards.get(request.shardId());
        int position;
        switch (request.shardIteratorType()) {
            case LATEST:
                position = records.size();
                break;
            case AT_SEQUENCE_NUMBER:
                position = indexOf(records, request.startingSequenceNumber());
                break;
            case AFTER_SEQUENCE_NUMBER:
                position = indexOf(records, request.startingSequenceNumber()) + 1;
                break;
            default:
                position = 0;
        }
        return GetShardIteratorResponse.builder()
                .shardIterator(request.shardId() + "/" + position)
                .build();
    }

    @Override
    public synchronized GetRecordsResponse getRecords(GetRecordsRequest request) {
        String[] parts = request.shardIterator().split("/");
        List<Record> records = shards.get(parts[0]);
        int from = Integer.parseInt(parts[1]);
        int to = Math.min(records.size(), from + request.limit());
        return GetRecordsResponse.builder()
                .records(List.copyOf(records.subList(from, to)))
                .nextShardIterator(parts[0] + "/" + to)
                .millisBehindLatest(0L)
                .build();
    }

    private static int indexOf(List<Record> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record " + sequenceNumber);
    }

    private static String text(PutRecordsRequestEntry entry) {
        return new String(entry.data().asByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public String serviceName() {
        return "kinesis";
    }

    @Override
    public void close() {}
}
