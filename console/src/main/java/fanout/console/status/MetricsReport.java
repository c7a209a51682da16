package fanout.console.status;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to one {@link MetricsRequest}.
 *
 * @param targets per target id; a target without data maps to {@link TargetMetrics#NONE}
 * @param recordsIn the function's RecordsIn for the source over the window
 * @param iteratorAgeMs AWS/Lambda IteratorAge maximum, null without data
 * @param functionErrors AWS/Lambda Errors over the window
 * @param dataAsOf the newest minute any metric had data for, null when none had
 * @param metricsRequested metrics requested (what GetMetricData is priced on)
 * @param calls GetMetricData calls made, pages included
 * @param recordsInByMinute RecordsIn per minute that had data (what the latest complete minute is
 *     judged against)
 * @param health the function's AWS/Lambda metrics
 * @param recent the finest samples read (10 s for high-resolution data), what states are judged on
 */
public record MetricsReport(
        Map<String, TargetMetrics> targets,
        long recordsIn,
        long invocations,
        Long iteratorAgeMs,
        long functionErrors,
        Instant dataAsOf,
        int metricsRequested,
        int calls,
        SortedMap<Instant, Long> recordsInByMinute,
        FunctionHealth health,
        RecentSamples recent) {

    public MetricsReport {
        targets = Map.copyOf(targets);
        recordsInByMinute =
                java.util.Collections.unmodifiableSortedMap(new TreeMap<>(recordsInByMinute));
        Objects.requireNonNull(health, "health is required");
        Objects.requireNonNull(recent, "recent is required");
    }

    /** RecordsIn in the minute starting at {@code minute}, zero without data. */
    public long recordsIn(Instant minute) {
        return recordsInByMinute.getOrDefault(minute, 0L);
    }

    public TargetMetrics target(String id) {
        return targets.getOrDefault(id, TargetMetrics.NONE);
    }
}
