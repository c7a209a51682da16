package fanout.console.status;

import java.time.Instant;
import java.util.Map;

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
 */
public record MetricsReport(
        Map<String, TargetMetrics> targets,
        long recordsIn,
        long invocations,
        Long iteratorAgeMs,
        long functionErrors,
        Instant dataAsOf,
        int metricsRequested,
        int calls) {

    public MetricsReport {
        targets = Map.copyOf(targets);
    }

    public TargetMetrics target(String id) {
        return targets.getOrDefault(id, TargetMetrics.NONE);
    }
}
