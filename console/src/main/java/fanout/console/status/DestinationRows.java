package fanout.console.status;

import fanout.mapping.Mapping;
import fanout.state.LastError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds and orders the per-destination rows of a snapshot. */
final class DestinationRows {
    /** Worst first (what needs the leader's attention), then by id. */
    static final Comparator<DestinationStatus> WORST_FIRST =
            Comparator.comparingInt((DestinationStatus row) -> row.state().severity())
                    .thenComparing(DestinationStatus::id);

    static final Duration MINUTE = Duration.ofMinutes(1);

    private DestinationRows() {}

    /**
     * What every row of one refresh shares: the metrics, the function, the threshold, the minute
     * the state is judged on and the class's common lag.
     */
    record Refresh(
            MetricsReport report,
            FunctionFacts function,
            Duration lagThreshold,
            Instant now,
            Instant windowStart,
            Long classLagMs,
            Remedies.Context remedies) {

        /** The most recent complete minute: the state is what was true in it. */
        Instant recentMinute() {
            return now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTE);
        }

        TargetMetrics metrics(String id) {
            return report == null ? TargetMetrics.NONE : report.target(id);
        }

        /** The finest samples read: 10 s of high-resolution data, else the minutes. */
        RecentSamples samples() {
            return report == null
                    ? RecentSamples.ofMinutes(Map.of(), new java.util.TreeMap<>())
                    : report.recent();
        }

        /** The start of the most recent complete sample: the state is what was true in it. */
        Instant recentStart() {
            return samples().completeAt(now);
        }
    }

    /** The lag of the most recent complete sample, null without deliveries in it. */
    static Long recentLag(RecentSamples samples, String id, Instant start) {
        MinuteSample sample = samples.target(id, start);
        return sample.delivered() > 0 ? sample.lagMs() : null;
    }

    static DestinationStatus row(Mapping mapping, LastError error, Refresh refresh) {
        return row(mapping, error, null, refresh);
    }

    /**
     * @param behind how far the destination is behind while it catches up from the source, null
     *     when it is live
     */
    static DestinationStatus row(Mapping mapping, LastError error, Behind behind, Refresh refresh) {
        TargetMetrics metrics = refresh.metrics(mapping.id());
        Instant minute = refresh.recentMinute();
        MinuteSample recent = sample(metrics, minute);
        // The state is judged on the finest complete sample (10 s with high-resolution metrics);
        // the minute still gives the session log its per-minute counts.
        RecentSamples samples = refresh.samples();
        Instant start = refresh.recentStart();
        MinuteSample now = samples.target(mapping.id(), start);
        Instant lastDelivery = metrics.lastDeliveryAt();
        Instant activeSince = mapping.active() ? parse(mapping.updatedAt()) : null;
        MetricsReport report = refresh.report();
        StateVerdict verdict =
                StateRules.evaluate(
                        new StateInputs(
                                mapping.id(),
                                mapping.active(),
                                activeSince,
                                now.delivered(),
                                now.failed(),
                                now.rejected(),
                                now.delivered() > 0 ? now.lagMs() : null,
                                // CloudWatch only knows the period: a delivery in the error's
                                // period may have come after it.
                                lastDelivery == null ? null : lastDelivery.plus(samples.period()),
                                error == null ? null : error.message(),
                                error == null ? null : error.code(),
                                error == null ? null : error.at(),
                                samples.recordsIn(start),
                                refresh.classLagMs(),
                                refresh.function().cacheTtl(),
                                refresh.lagThreshold(),
                                refresh.now(),
                                Math.max(metrics.delivered(), now.delivered()),
                                report == null ? 0 : report.recordsIn(),
                                mapping.active() ? behind : null),
                        samples.period());
        Long lagNow =
                now.delivered() > 0 ? now.lagMs() : recent.delivered() > 0 ? recent.lagMs() : null;
        String code = error == null ? null : error.code();
        return new DestinationStatus(
                mapping.id(),
                mapping.name(),
                mapping.helper(),
                mapping.active(),
                verdict.state(),
                verdict.reason(),
                verdict.fix(),
                metrics.delivered(),
                metrics.failed(),
                metrics.throttled(),
                metrics.rejected(),
                metrics.resent(),
                metrics.lagMs(),
                lastDelivery,
                error == null ? null : error.message(),
                code,
                error == null ? null : error.at(),
                verdict.firstDeliveryExpectedBy(),
                lagNow,
                Remedies.forRow(verdict.state(), code, mapping, refresh.remedies()),
                StuckTime.notOkSince(verdict.state(), metrics.minutes(), activeSince, refresh),
                false,
                recent.delivered(),
                recent.failed() + recent.rejected(),
                behind == null ? null : behind.records(),
                behind == null ? null : behind.millis(),
                mapping.origin());
    }

    private static MinuteSample sample(TargetMetrics metrics, Instant minute) {
        for (MinuteSample sample : metrics.minutes()) {
            if (sample.minute().equals(minute)) {
                return sample;
            }
        }
        return MinuteSample.empty(minute);
    }

    /** The rows with those a class-wide cause covers marked, so their problem is said once. */
    static List<DestinationStatus> covered(List<DestinationStatus> rows, List<ClassCause> causes) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        causes.forEach(cause -> ids.addAll(cause.ids()));
        List<DestinationStatus> marked = new ArrayList<>(rows.size());
        for (DestinationStatus row : rows) {
            marked.add(ids.contains(row.id()) ? row.asClassWide() : row);
        }
        return marked;
    }

    /** One sample per minute in [start, end), zero where there was no data. */
    static List<MinuteSample> everyMinute(List<MinuteSample> withData, Instant start, Instant end) {
        Map<Instant, MinuteSample> byMinute = new HashMap<>();
        withData.forEach(sample -> byMinute.put(sample.minute(), sample));
        List<MinuteSample> all = new ArrayList<>();
        for (Instant minute = start; minute.isBefore(end); minute = minute.plus(MINUTE)) {
            all.add(byMinute.getOrDefault(minute, MinuteSample.empty(minute)));
        }
        return all;
    }

    /**
     * Mapping times are ISO-8601 strings written by whoever changed the row; unreadable = unknown.
     */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
