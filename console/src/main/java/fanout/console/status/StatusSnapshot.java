package fanout.console.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code status --output json} prints and the dashboard shows: the function's per-destination
 * forwarding state at one moment.
 *
 * @param dataAsOf the newest minute CloudWatch had data for (CloudWatch has 1-minute resolution)
 * @param recordsIn records the function read from the source over the window
 * @param iteratorAgeMs the function's IteratorAge maximum over the window, null when unknown
 * @param problems things that kept the snapshot from being complete (e.g. a throttled
 *     GetMetricData), in words
 */
public record StatusSnapshot(
        Instant asOf,
        String account,
        String region,
        String function,
        String source,
        int windowSeconds,
        Instant dataAsOf,
        long recordsIn,
        Long iteratorAgeMs,
        List<DestinationStatus> destinations,
        List<String> problems) {

    public StatusSnapshot {
        Objects.requireNonNull(asOf, "asOf is required");
        destinations = List.copyOf(destinations);
        problems = List.copyOf(problems);
    }
}
