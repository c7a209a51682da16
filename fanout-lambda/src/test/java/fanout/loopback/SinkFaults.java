package fanout.loopback;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults the loopback sink injects, changeable while a run goes on. Destination faults are
 * keyed by the destination's account (each student owns one); table faults by table name.
 */
public final class SinkFaults {
    /** What a destination stream does to a PutRecords call. */
    public sealed interface StreamFault {
        /** This share (0..1] of the entries fail with ProvisionedThroughputExceededException. */
        record Throttled(double share) implements StreamFault {
            public Throttled {
                if (share <= 0 || share > 1) {
                    throw new IllegalArgumentException("share must be in (0, 1], was " + share);
                }
            }
        }

        /** The role may not write to the stream: AccessDeniedException. */
        record Denied() implements StreamFault {}

        /** The stream is gone: ResourceNotFoundException. */
        record Deleted() implements StreamFault {}

        /** The call answers only after this long (then with an InternalFailure). */
        record Hangs(Duration after) implements StreamFault {}
    }

    private final Map<String, StreamFault> streams = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failingTables = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean cloudWatchFailing;
    private volatile Duration cloudWatchDelay = Duration.ZERO;
    private volatile int stsCallsPerSecond;

    /** Every answer waits this long first: the round trip to a region. */
    public void latency(Duration value) {
        latency = Objects.requireNonNull(value, "latency is required");
    }

    public Duration latency() {
        return latency;
    }

    public void stream(String account, StreamFault fault) {
        streams.put(account, Objects.requireNonNull(fault, "fault is required"));
    }

    public void healStream(String account) {
        streams.remove(account);
    }

    StreamFault stream(String account) {
        return streams.get(account);
    }

    /** Every DynamoDB call on this table answers InternalServerError. */
    public void failTable(String table) {
        failingTables.put(table, true);
    }

    boolean tableFails(String table) {
        return failingTables.containsKey(table);
    }

    public void cloudWatchFailing(boolean value) {
        cloudWatchFailing = value;
    }

    boolean cloudWatchFailing() {
        return cloudWatchFailing;
    }

    /** PutMetricData answers (successfully) only after this long. */
    public void cloudWatchDelay(Duration value) {
        cloudWatchDelay = Objects.requireNonNull(value, "delay is required");
    }

    Duration cloudWatchDelay() {
        return cloudWatchDelay;
    }

    /** AssumeRole allows this many calls per second, then answers Throttling (0: no limit). */
    public void stsCallsPerSecond(int value) {
        stsCallsPerSecond = value;
    }

    int stsCallsPerSecond() {
        return stsCallsPerSecond;
    }
}
