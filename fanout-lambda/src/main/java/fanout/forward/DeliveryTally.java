package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Counts of one destination's delivery, turned into its report at the end. */
final class DeliveryTally {
    private final String targetId;
    private final List<Double> lags = new ArrayList<>();
    private long delivered;
    private long failed;
    private long throttled;
    private long rejected;
    private long resent;
    private Problem lastProblem;
    private Problem retryReason;

    DeliveryTally(String targetId) {
        this.targetId = targetId;
    }

    void delivered(PreparedRecord record, Instant confirmedAt) {
        delivered++;
        Instant arrival = record.source().approximateArrival();
        if (arrival != null) {
            lags.add((double) Math.max(0, Duration.between(arrival, confirmedAt).toMillis()));
        }
    }

    void failed(long count, Problem problem) {
        failed += count;
        lastProblem = problem;
    }

    void rejected(Problem problem) {
        rejected++;
        lastProblem = problem;
    }

    void retrying(long throttledEntries, Problem problem) {
        throttled += throttledEntries;
        retryReason = problem;
    }

    void resent() {
        resent++;
    }

    /**
     * The report; {@code undelivered} entries are still owed. The retry reason only becomes the
     * last error when entries remain owed: retries that succeeded are not an error.
     */
    DestinationReport report(List<PreparedRecord> undelivered) {
        Problem last = lastProblem;
        if (!undelivered.isEmpty() && retryReason != null) {
            last = retryReason;
        }
        return new DestinationReport(
                targetId,
                new DestinationReport.Counts(delivered, failed, throttled, rejected, resent),
                lags,
                DestinationDelivery.sequenceNumbers(undelivered),
                Optional.ofNullable(last),
                Optional.ofNullable(retryReason),
                true);
    }
}
