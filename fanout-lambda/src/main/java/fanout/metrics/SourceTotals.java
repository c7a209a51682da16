package fanout.metrics;

import java.util.Objects;

/** One source stream's per-function metrics over one invocation. */
public record SourceTotals(String sourceStream, long invocations, long recordsIn) {
    public SourceTotals {
        Objects.requireNonNull(sourceStream, "sourceStream is required");
        if (invocations < 0 || recordsIn < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
