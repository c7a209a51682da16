package fanout.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One target's metrics over one invocation.
 *
 * @param counts metric name ({@link MetricNames#DELIVERED}, ...) to count, in a stable order
 * @param lag null when nothing was delivered
 */
public record TargetTotals(
        String sourceStream, String targetId, Map<String, Long> counts, LagStatistics lag) {
    public TargetTotals {
        Objects.requireNonNull(sourceStream, "sourceStream is required");
        Objects.requireNonNull(targetId, "targetId is required");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public long count(String metricName) {
        return counts.getOrDefault(metricName, 0L);
    }

    public Optional<LagStatistics> lagStatistics() {
        return Optional.ofNullable(lag);
    }
}
