package fanout.console.status;

import fanout.mapping.Mapping;
import fanout.state.LastError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds and orders the per-destination rows of a snapshot. */
final class DestinationRows {
    /** Worst first (what needs the leader's attention), then by id. */
    static final Comparator<DestinationStatus> WORST_FIRST =
            Comparator.comparingInt((DestinationStatus row) -> rank(row.state()))
                    .thenComparing(DestinationStatus::id);

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private DestinationRows() {}

    static int rank(DestinationState state) {
        switch (state) {
            case ERROR:
                return 0;
            case BEHIND:
                return 1;
            case LAG:
                return 2;
            case WAITING:
                return 3;
            case OK:
                return 4;
            case IDLE:
                return 5;
            default:
                return 6;
        }
    }

    static DestinationStatus row(
            Mapping mapping,
            LastError error,
            MetricsReport report,
            FunctionFacts function,
            Duration lagThreshold,
            Instant now) {
        return row(mapping, error, null, report, function, lagThreshold, now);
    }

    static DestinationStatus row(
            Mapping mapping,
            LastError error,
            Behind behind,
            MetricsReport report,
            FunctionFacts function,
            Duration lagThreshold,
            Instant now) {
        TargetMetrics metrics = report == null ? TargetMetrics.NONE : report.target(mapping.id());
        Instant lastDelivery = metrics.lastDeliveryAt();
        StateVerdict verdict =
                StateRules.evaluate(
                        new StateInputs(
                                mapping.id(),
                                mapping.active(),
                                mapping.active() ? parse(mapping.updatedAt()) : null,
                                metrics.delivered(),
                                metrics.failed(),
                                metrics.rejected(),
                                metrics.lagMs(),
                                // CloudWatch only knows the minute: a delivery in the error's
                                // minute may have come after it.
                                lastDelivery == null ? null : lastDelivery.plus(MINUTE),
                                error == null ? null : error.message(),
                                error == null ? null : error.code(),
                                error == null ? null : error.at(),
                                report == null ? 0 : report.recordsIn(),
                                report == null ? null : report.iteratorAgeMs(),
                                function.cacheTtl(),
                                lagThreshold,
                                now,
                                mapping.active() ? behind : null));
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
                error == null ? null : error.code(),
                error == null ? null : error.at(),
                verdict.firstDeliveryExpectedBy(),
                behind == null ? null : behind.records(),
                behind == null ? null : behind.millis());
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
