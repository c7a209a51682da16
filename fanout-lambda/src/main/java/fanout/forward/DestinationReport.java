package fanout.forward;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one destination did with one batch.
 *
 * @param undelivered source sequence numbers with entries still not written when time ran out
 * @param lagsMillis source arrival to confirmed write, one per delivered entry
 * @param lastProblem the error to store as the target's last error, if any
 * @param retryReason why the undelivered entries were not written (for give-up messages)
 */
public record DestinationReport(
        String targetId,
        long delivered,
        long failed,
        long throttled,
        long rejected,
        long resent,
        List<Double> lagsMillis,
        Set<String> undelivered,
        Optional<Problem> lastProblem,
        Optional<Problem> retryReason) {
    public DestinationReport {
        Objects.requireNonNull(targetId, "targetId is required");
        lagsMillis = List.copyOf(lagsMillis);
        undelivered = Set.copyOf(undelivered);
        Objects.requireNonNull(lastProblem, "lastProblem must be present or empty");
        Objects.requireNonNull(retryReason, "retryReason must be present or empty");
    }

    public boolean complete() {
        return undelivered.isEmpty();
    }

    /**
     * This report once its undelivered records are given up: counted as failed, with the reason as
     * the last error, so one broken destination stops holding the shard back.
     */
    public DestinationReport givenUp(int retries) {
        String reason = retryReason.map(Problem::message).orElse("not delivered in time");
        String code = retryReason.map(Problem::code).orElse("GaveUp");
        return new DestinationReport(
                targetId,
                delivered,
                failed + undelivered.size(),
                throttled,
                rejected,
                resent,
                lagsMillis,
                Set.of(),
                Optional.of(new Problem(code, "gave up after " + retries + " retries: " + reason)),
                retryReason);
    }
}
