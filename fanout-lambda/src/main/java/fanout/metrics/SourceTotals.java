package fanout.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * One source stream's per-function metrics over one invocation.
 *
 * @param warnings counts of {@link InvocationMetrics#SOURCE_WARNINGS}, only the non-zero ones
 */
public record SourceTotals(
        String sourceStream, long invocations, long recordsIn, Map<String, Long> warnings) {
    public SourceTotals {
        Objects.requireNonNull(sourceStream, "sourceStream is required");
        if (invocations < 0 || recordsIn < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        warnings = Map.copyOf(warnings);
    }

    public SourceTotals(String sourceStream, long invocations, long recordsIn) {
        this(sourceStream, invocations, recordsIn, Map.of());
    }

    /** State table reads or writes that failed ({@link MetricNames#STATE_ERRORS}). */
    public long stateErrors() {
        return warnings.getOrDefault(MetricNames.STATE_ERRORS, 0L);
    }
}
