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
        Counts counts,
        List<Double> lagsMillis,
        Set<String> undelivered,
        Optional<Problem> lastProblem,
        Optional<Problem> retryReason,
        boolean started) {

    /** What became of the batch's entries at this destination. */
    public record Counts(long delivered, long failed, long throttled, long rejected, long resent) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts {
            if (delivered < 0 || failed < 0 || throttled < 0 || rejected < 0 || resent < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }
    }

    public DestinationReport {
        Objects.requireNonNull(targetId, "targetId is required");
        Objects.requireNonNull(counts, "counts is required");
        lagsMillis = List.copyOf(lagsMillis);
        undelivered = Set.copyOf(undelivered);
        Objects.requireNonNull(lastProblem, "lastProblem must be present or empty");
        Objects.requireNonNull(retryReason, "retryReason must be present or empty");
    }

    /** Nothing attempted: the budget ran out before this destination's turn. */
    public static DestinationReport notStarted(String targetId, Set<String> owed) {
        return new DestinationReport(
                targetId, Counts.NONE, List.of(), owed, Optional.empty(), Optional.empty(), false);
    }

    /** Nothing delivered: everything is still owed because of {@code problem}. */
    public static DestinationReport owing(String targetId, Set<String> owed, Problem problem) {
        return new DestinationReport(
                targetId,
                Counts.NONE,
                List.of(),
                owed,
                Optional.of(problem),
                Optional.of(problem),
                true);
    }

    public long delivered() {
        return counts.delivered();
    }

    public long failed() {
        return counts.failed();
    }

    public long throttled() {
        return counts.throttled();
    }

    public long rejected() {
        return counts.rejected();
    }

    public long resent() {
        return counts.resent();
    }

    public boolean complete() {
        return undelivered.isEmpty();
    }
}
