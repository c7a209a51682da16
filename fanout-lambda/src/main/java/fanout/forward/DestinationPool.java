package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.state.Checkpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves destinations concurrently on a bounded executor, each on its own, so one that is slow,
 * throttled or broken costs the others nothing but a thread slot.
 */
public final class DestinationPool {
    /** How long past the deadline a destination's last call may take before it counts as owed. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private final Sinks sinks;
    private final Executor executor;
    private final RetryPolicy retry;
    private final Clock clock;

    /**
     * @param executor bounded to the number of destinations served at once
     */
    public DestinationPool(Sinks sinks, Executor executor, RetryPolicy retry, Clock clock) {
        this.sinks = Objects.requireNonNull(sinks, "sinks is required");
        this.executor = Objects.requireNonNull(executor, "executor is required");
        this.retry = Objects.requireNonNull(retry, "retry is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    public Sinks sinks() {
        return sinks;
    }

    /**
     * @param variants prepared records, plain ({@code false}) and deaggregated ({@code true})
     * @param checkpoints per target, records up to which are skipped (a retried batch)
     */
    public List<DestinationReport> deliver(
            List<Destination> destinations,
            Map<Boolean, List<PreparedRecord>> variants,
            Map<String, Checkpoint> checkpoints,
            Deadline deadline) {
        List<CompletableFuture<DestinationReport>> running = new ArrayList<>();
        List<List<PreparedRecord>> owed = new ArrayList<>();
        for (Destination destination : destinations) {
            List<PreparedRecord> records =
                    unsent(
                            variants.get(destination.deaggregate()),
                            checkpoints.get(destination.targetId()));
            owed.add(records);
            DestinationDelivery delivery =
                    new DestinationDelivery(destination, retry, clock, deadline);
            running.add(
                    CompletableFuture.supplyAsync(
                            () -> delivery.deliver(sinks, records), executor));
        }
        // One end for all waits, so hung destinations cost one grace period, not one each.
        long waitEnd = System.nanoTime() + deadline.remaining().plus(GRACE).toNanos();
        List<DestinationReport> reports = new ArrayList<>(running.size());
        for (int i = 0; i < running.size(); i++) {
            reports.add(await(running.get(i), destinations.get(i), owed.get(i), waitEnd));
        }
        return reports;
    }

    private static DestinationReport await(
            CompletableFuture<DestinationReport> future,
            Destination destination,
            List<PreparedRecord> records,
            long waitEnd) {
        try {
            return future.get(Math.max(0, waitEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return owing(
                    destination,
                    records,
                    new Problem("Timeout", "not done within the invocation's time budget"));
        } catch (ExecutionException e) {
            return owing(
                    destination,
                    records,
                    new Problem("InternalError", AwsFailures.describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return owing(destination, records, new Problem("Interrupted", "interrupted"));
        }
    }

    /** Everything still owed: the retry will send it again (the checkpoint is unchanged). */
    private static DestinationReport owing(
            Destination destination, List<PreparedRecord> records, Problem problem) {
        return new DestinationReport(
                destination.targetId(),
                0,
                0,
                0,
                0,
                0,
                List.of(),
                DestinationDelivery.sequenceNumbers(records),
                Optional.of(problem),
                Optional.of(problem));
    }

    private static List<PreparedRecord> unsent(
            List<PreparedRecord> records, Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.sequenceNumber() == null) {
            return records;
        }
        return records.stream()
                .filter(
                        r ->
                                !SequenceNumbers.atOrBefore(
                                        r.source().sequenceNumber(), checkpoint.sequenceNumber()))
                .toList();
    }
}
