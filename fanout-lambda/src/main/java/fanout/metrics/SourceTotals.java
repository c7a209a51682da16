package fanout.metrics;

import java.util.Objects;

/**
 * One source stream's per-function metrics over one invocation.
 *
 * @param stateErrors state table reads or writes that failed
 */
public record SourceTotals(
        String sourceStream, long invocations, long recordsIn, long stateErrors) {
    public SourceTotals {
        Objects.requireNonNull(sourceStream, "sourceStream is required");
        if (invocations < 0 || recordsIn < 0 || stateErrors < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    public SourceTotals(String sourceStream, long invocations, long recordsIn) {
        this(sourceStream, invocations, recordsIn, 0);
    }
}
