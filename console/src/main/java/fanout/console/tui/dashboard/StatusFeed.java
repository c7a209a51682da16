package fanout.console.tui.dashboard;

import fanout.console.status.StatusSnapshot;
import java.time.Duration;

/** What the dashboard reads: the status now, and one destination's recent minutes. */
public interface StatusFeed {
    StatusSnapshot snapshot() throws Exception;

    /** Per-minute series of the last {@link History#MINUTES} minutes, oldest first. */
    History history(String id) throws Exception;

    /** Estimated CloudWatch cost in US dollars per hour of refreshing at {@code interval}. */
    default double costPerHour(int destinations, Duration interval) {
        return CloudWatchCost.perHour(destinations, interval);
    }
}
