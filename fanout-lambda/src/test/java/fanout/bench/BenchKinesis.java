package fanout.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Kinesis destinations with a simulated round trip (a sleep, fine in a benchmark): each stream has
 * a latency and may throttle every entry. Keeps, per stream, the entries accepted and when its last
 * accepted call answered, so a scenario can time the healthy destinations on their own.
 */
final class BenchKinesis implements KinesisClient {
    /** How one stream answers. */
    record Behavior(long latencyMillis, boolean throttleEverything) {}

    static final String THROTTLED = "ProvisionedThroughputExceededException";

    private final Behavior normal;
    private final Map<String, Behavior> special = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastAcceptedAt = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    BenchKinesis(long latencyMillis) {
        this.normal = new Behavior(latencyMillis, false);
    }

    BenchKinesis behave(String stream, Behavior behavior) {
        special.put(stream, behavior);
        return this;
    }

    /** Forgets what was written (between rounds). */
    void reset() {
        accepted.clear();
        lastAcceptedAt.clear();
        calls.set(0);
    }

    long accepted(String stream) {
        AtomicLong n = accepted.get(stream);
        return n == null ? 0 : n.get();
    }

    /** {@link System#nanoTime()} when the stream's last accepted call answered, or -1. */
    long lastAcceptedAt(String stream) {
        AtomicLong at = lastAcceptedAt.get(stream);
        return at == null ? -1 : at.get();
    }

    long calls() {
        return calls.get();
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        calls.incrementAndGet();
        Behavior behavior = special.getOrDefault(request.streamName(), normal);
        pause(behavior.latencyMillis());
        int size = request.records().size();
        List<PutRecordsResultEntry> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            results.add(
                    behavior.throttleEverything()
                            ? PutRecordsResultEntry.builder()
                                    .errorCode(THROTTLED)
                                    .errorMessage("Rate exceeded for shard shardId-000000000000")
                                    .build()
                            : PutRecordsResultEntry.builder()
                                    .shardId("shardId-000000000000")
                                    .sequenceNumber(Integer.toString(i))
                                    .build());
        }
        if (!behavior.throttleEverything()) {
            accepted.computeIfAbsent(request.streamName(), s -> new AtomicLong()).addAndGet(size);
            lastAcceptedAt
                    .computeIfAbsent(request.streamName(), s -> new AtomicLong())
                    .set(System.nanoTime());
        }
        return PutRecordsResponse.builder()
                .records(results)
                .failedRecordCount(behavior.throttleEverything() ? size : 0)
                .build();
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The forwarder cancels a destination past its deadline: answer at once, as a
            // dropped connection would.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String serviceName() {
        return "kinesis";
    }

    @Override
    public void close() {}
}
