package fanout.metrics;

import java.util.List;

/**
 * What a reader of the forwarder's metrics asks CloudWatch for, counted: the console's status read
 * and its cost estimates share this arithmetic with the list of what the forwarder publishes.
 */
public final class MetricQueries {
    /** The per-target counts, read as sums: the ones {@link InvocationMetrics} publishes. */
    public static final List<String> TARGET_SUMS = InvocationMetrics.TARGET_COUNTS;

    /** Per target: its counts and {@link MetricNames#DELIVERY_LAG} (a maximum). */
    public static final int PER_TARGET = TARGET_SUMS.size() + 1;

    /**
     * Once per read: RecordsIn and Invocations for the source; IteratorAge, Errors, Throttles,
     * Duration and ConcurrentExecutions for the function (what a class-wide diagnosis needs).
     */
    public static final int SHARED = 7;

    private MetricQueries() {}

    /** The metrics one read of {@code targets} targets requests (GetMetricData bills each). */
    public static int perRead(int targets) {
        if (targets < 0) {
            throw new IllegalArgumentException("targets must not be negative, was " + targets);
        }
        return targets * PER_TARGET + SHARED;
    }
}
