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
 * @param retryReason why the undelivered entries were not written
 * @param started false when the invocation's time ran out before this destination's turn: it is
 *     simply behind, not failing
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
        Optional<Problem> retryReason,
        boolean started) {
    public DestinationReport {
        Objects.requireNonNull(targetId, "targetId is required");
        lagsMillis = List.copyOf(lagsMillis);
        undelivered = Set.copyOf(undelivered);
        Objects.requireNonNull(lastProblem, "lastProblem must be present or empty");
        Objects.requireNonNull(retryReason, "retryReason must be present or empty");
    }

    public DestinationReport(
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
        this(
                targetId,
                delivered,
                failed,
                throttled,
                rejected,
                resent,
                lagsMillis,
                undelivered,
                lastProblem,
                retryReason,
                true);
    }

    /** Nothing attempted: the budget ran out before this destination's turn. */
    public static DestinationReport notStarted(String targetId, Set<String> owed) {
        return new DestinationReport(
                targetId,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                owed,
                Optional.empty(),
                Optional.empty(),
                false);
    }

    public boolean complete() {
        return undelivered.isEmpty();
    }
}
