package fanout.console.tui.dashboard;

import fanout.console.probe.ProbeRun;
import fanout.console.status.StatusCost;
import fanout.console.status.StatusSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the dashboard reads: the status now, and one destination's recent minutes. */
public interface StatusFeed {
    StatusSnapshot snapshot() throws Exception;

    /** Per-minute series of the last {@link History#MINUTES} minutes, oldest first. */
    History history(String id) throws Exception;

    /**
     * The class as the session log last saw it, shown until the first refresh arrives; empty when
     * there is no log.
     */
    default Optional<StatusSnapshot> restored() throws Exception {
        return Optional.empty();
    }

    /**
     * Sends a probe to these students (all when empty) and waits for their acknowledgements,
     * telling {@code progress} after each read.
     */
    default ProbeRun probe(List<String> ids, Duration timeout, Consumer<ProbeRun> progress)
            throws Exception {
        throw new UnsupportedOperationException("probes are not available here");
    }

    /**
     * The next snapshot reads again what the feed keeps for the session (account, function, hooks):
     * the leader pressed refresh.
     */
    default void refreshFacts() {}

    /** Estimated CloudWatch cost in US dollars per hour of refreshing at {@code interval}. */
    default double costPerHour(int destinations, Duration interval) {
        return StatusCost.perHour(destinations, interval);
    }
}
