package fanout.metrics;

import java.util.List;

/** What one invocation measured, frozen for publishing: sorted by source stream, then target id. */
public record MetricsSnapshot(List<SourceTotals> sources, List<TargetTotals> targets) {
    public MetricsSnapshot {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
    }

    public boolean isEmpty() {
        return sources.isEmpty() && targets.isEmpty();
    }
}
