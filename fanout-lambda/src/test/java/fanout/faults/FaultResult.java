package fanout.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One fault's figures and the expectations of issue 10 they meet or miss.
 *
 * @param sent records the mapping handed the handler, times the students
 * @param counted records the handler counted Failed or Rejected in its published metrics
 * @param lost records neither delivered nor counted Failed/Rejected in the published metrics
 * @param healthyLatencyRatio mean source-to-delivery latency of the healthy students over the
 *     no-fault run's in the same suite run
 * @param shardHeldMs the longest time one batch held the shard (after the first, which carries the
 *     cold start)
 * @param threads the handler JVM's peak live threads
 */
public record FaultResult(
        String fault,
        long sent,
        long delivered,
        long counted,
        long lost,
        long duplicatedToHealthy,
        double healthyLatencyRatio,
        long shardHeldMs,
        int threads,
        double healthyLatencyMs,
        String notes) {
    public static final long MAX_SHARD_HELD_MS = 10_000;
    public static final double MAX_LATENCY_RATIO = 1.2;
    public static final int MAX_THREADS = 150;

    public FaultResult {
        Objects.requireNonNull(fault, "fault is required");
        Objects.requireNonNull(notes, "notes is required");
    }

    /** The expectations missed, empty when the fault passes. */
    public List<String> misses() {
        List<String> misses = new ArrayList<>();
        if (lost > 0) {
            misses.add(lost + " lost without being counted");
        }
        if (duplicatedToHealthy > 0) {
            misses.add(duplicatedToHealthy + " duplicates to healthy students");
        }
        if (shardHeldMs > MAX_SHARD_HELD_MS) {
            misses.add("shard held " + shardHeldMs + " ms > " + MAX_SHARD_HELD_MS);
        }
        if (!(healthyLatencyRatio <= MAX_LATENCY_RATIO)) {
            misses.add(
                    String.format(
                            "healthy latency %.2fx > %.1fx",
                            healthyLatencyRatio, MAX_LATENCY_RATIO));
        }
        if (threads > MAX_THREADS) {
            misses.add(threads + " threads > " + MAX_THREADS);
        }
        return misses;
    }

    public boolean pass() {
        return misses().isEmpty();
    }

    FaultResult withRatio(double ratio) {
        return new FaultResult(
                fault,
                sent,
                delivered,
                counted,
                lost,
                duplicatedToHealthy,
                ratio,
                shardHeldMs,
                threads,
                healthyLatencyMs,
                notes);
    }
}
