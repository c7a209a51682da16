package fanout.console.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The refresh's finest samples, what a state is judged on: 10 s periods when the forwarder's
 * high-resolution metrics were read at that period (windows up to 3 hours), else the minutes.
 *
 * @param period the samples' period
 * @param targets per target id, its samples that had data, oldest first
 * @param recordsIn the source's RecordsIn per sample start, for the samples that had data
 */
public record RecentSamples(
        Duration period,
        Map<String, List<MinuteSample>> targets,
        SortedMap<Instant, Long> recordsIn) {

    /**
     * How long after a period ends before it counts as complete: the forwarder stamps its datums
     * when it publishes them at the end of an invocation, and CloudWatch shows them a few seconds
     * later.
     */
    public static final Duration SETTLE = Duration.ofSeconds(5);

    public RecentSamples {
        Objects.requireNonNull(period, "period is required");
        if (period.isZero() || period.isNegative() || 60 % period.toSeconds() != 0) {
            throw new IllegalArgumentException(
                    "period must divide a minute, was " + period.toSeconds() + " s");
        }
        targets = Map.copyOf(targets);
        recordsIn = Collections.unmodifiableSortedMap(new TreeMap<>(recordsIn));
    }

    /** The minute samples themselves (data read at 1-minute periods or coarser). */
    static RecentSamples ofMinutes(
            Map<String, TargetMetrics> targets, SortedMap<Instant, Long> recordsInByMinute) {
        Map<String, List<MinuteSample>> minutes = new java.util.HashMap<>();
        targets.forEach((id, metrics) -> minutes.put(id, metrics.minutes()));
        return new RecentSamples(Duration.ofMinutes(1), minutes, recordsInByMinute);
    }

    public boolean subMinute() {
        return period.compareTo(Duration.ofMinutes(1)) < 0;
    }

    /**
     * The start of the most recent complete period at {@code now}. Minutes count as complete when
     * they end (as status always judged them); shorter periods {@link #SETTLE} later.
     */
    public Instant completeAt(Instant now) {
        if (!subMinute()) {
            return now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        }
        long seconds = period.toSeconds();
        long settled = now.minus(SETTLE).getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(settled, seconds) * seconds - seconds);
    }

    /** The target's sample starting at {@code start}, empty when it had no data then. */
    public MinuteSample target(String id, Instant start) {
        for (MinuteSample sample : targets.getOrDefault(id, List.of())) {
            if (sample.minute().equals(start)) {
                return sample;
            }
        }
        return MinuteSample.empty(start);
    }

    /** RecordsIn in the sample starting at {@code start}, zero without data. */
    public long recordsIn(Instant start) {
        return recordsIn.getOrDefault(start, 0L);
    }
}
