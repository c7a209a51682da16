package fanout.forward;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Kinesis in memory, stream by stream: records what each stream received (payloads as text, in
 * order) and each call's entries; a stream can throttle entries, fail whole calls or block.
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
