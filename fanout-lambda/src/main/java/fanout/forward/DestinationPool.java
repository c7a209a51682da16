package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Serves destinations concurrently on a bounded executor, each on its own and each for at most its
 * slice of the invocation, so one that is slow, throttled or broken costs the others nothing but a
 * thread slot for a bounded time. Destinations are started in the order given (the fair order).
 */
public final class DestinationPool {
    /** How long past the deadline a destination's last call may take before it counts as owed. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    /**
     * How long past its slice a struggling destination's last call may take before it is given up:
     * generous, since a call given up may still land (then it is sent again on catch-up).
     */
    public static final Duration CUT_GRACE = Duration.ofSeconds(2);

    /** How often a destination still queued is looked at again, to learn its slice. */
    private static final Duration NOT_STARTED_POLL = Duration.ofMillis(50);

    private final Sinks sinks;
    private final Executor executor;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration slice;

    /**
     * @param executor bounded to the number of destinations served at once
     * @param slice the most one destination may take of an invocation
     */
    public DestinationPool(
            Sinks sinks, Executor executor, RetryPolicy retry, Clock clock, Duration slice) {
        this.sinks = Objects.requireNonNull(sinks, "sinks is required");
        this.executor = Objects.requireNonNull(executor, "executor is required");
        this.retry = Objects.requireNonNull(retry, "retry is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.slice = Objects.requireNonNull(slice, "slice is required");
        if (slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("slice must be positive");
        }
    }

    public Sinks sinks() {
        return sinks;
    }

    public Duration slice() {
        return slice;
    }

    /**
     * @param destinations in the order to start them
     * @param records per target id, the prepared records it is owed, in order
     */
    public List<DestinationReport> deliver(
            List<Destination> destinations,
            Map<String, List<PreparedRecord>> records,
            Deadline deadline) {
        return deliver(destinations, records, deadline, d -> slice, d -> false, new HashMap<>());
    }

    /**
     * @param sliceOf each destination's slice (at most {@link #slice()})
     * @param cutAtSlice destinations known to struggle: left behind once their slice and a grace
     *     have passed, even while a call hangs (the others are waited for until the deadline: a
     *     call that answers after it was given up would be sent again, a duplicate)
     * @param took filled with how long each finished destination took, from the start of delivery
     */
    public List<DestinationReport> deliver(
            List<Destination> destinations,
            Map<String, List<PreparedRecord>> records,
            Deadline deadline,
            Function<Destination, Duration> sliceOf,
            Predicate<Destination> cutAtSlice,
            Map<String, Duration> took) {
        Instant start = clock.instant();
        List<CompletableFuture<DestinationReport>> running = new ArrayList<>();
        List<AtomicBoolean> started = new ArrayList<>();
        List<AtomicLong> sliceEnds = new ArrayList<>();
        for (Destination destination : destinations) {
            List<PreparedRecord> owed = records.getOrDefault(destination.targetId(), List.of());
            AtomicBoolean began = new AtomicBoolean();
            AtomicLong sliceEnd = new AtomicLong();
            started.add(began);
            sliceEnds.add(sliceEnd);
            running.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                if (deadline.passed() && !owed.isEmpty()) {
                                    return DestinationReport.notStarted(
                                            destination.targetId(),
                                            DestinationDelivery.sequenceNumbers(owed));
                                }
                                // The slice starts when its turn comes, not while it queues.
                                Duration mine = sliceOf.apply(destination);
                                Duration bounded = mine.compareTo(slice) < 0 ? mine : slice;
                                if (cutAtSlice.test(destination)) {
                                    sliceEnd.set(System.nanoTime() + bounded.toNanos());
                                }
                                began.set(true);
                                DestinationReport report =
                                        new DestinationDelivery(
                                                        destination,
                                                        retry,
                                                        clock,
                                                        deadline.slice(bounded))
                                                .deliver(sinks, owed);
                                took.put(
                                        destination.targetId(),
                                        Duration.between(start, clock.instant()));
                                return report;
                            },
                            executor));
        }
        // One end for all waits, so hung destinations cost one grace period, not one each.
        long waitEnd = System.nanoTime() + deadline.remaining().plus(GRACE).toNanos();
        List<DestinationReport> reports = new ArrayList<>(running.size());
        for (int i = 0; i < running.size(); i++) {
            Destination destination = destinations.get(i);
            List<PreparedRecord> owed = records.getOrDefault(destination.targetId(), List.of());
            reports.add(
                    await(
                            running.get(i),
                            started.get(i),
                            sliceEnds.get(i),
                            destination,
                            owed,
                            waitEnd));
        }
        return reports;
    }

    /**
     * Waits for one destination until the invocation's end, or, for one known to struggle, its own
     * slice's end and a grace period once it has started: a call that hangs again (a student's
     * stream not answering) must not hold the invocation, and so the class, until the SDK's
     * timeout.
     */
    private static DestinationReport await(
            CompletableFuture<DestinationReport> future,
            AtomicBoolean started,
            AtomicLong sliceEnd,
            Destination destination,
            List<PreparedRecord> records,
            long waitEnd) {
        try {
            while (true) {
                long end = waitEnd;
                boolean cut = started.get() && sliceEnd.get() != 0;
                if (cut) {
                    end = Math.min(end, sliceEnd.get() + CUT_GRACE.toNanos());
                } else if (started.get()) {
                    end = waitEnd;
                } else {
                    end = Math.min(end, System.nanoTime() + NOT_STARTED_POLL.toNanos());
                }
                try {
                    return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    boolean sliceOver =
                            started.get()
                                    && sliceEnd.get() != 0
                                    && now - sliceEnd.get() >= CUT_GRACE.toNanos();
                    if (now - waitEnd >= 0 || sliceOver) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            if (!started.get()) {
                return DestinationReport.notStarted(
                        destination.targetId(), DestinationDelivery.sequenceNumbers(records));
            }
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

    /** Everything still owed: the destination stays behind from the first of these records. */
    private static DestinationReport owing(
            Destination destination, List<PreparedRecord> records, Problem problem) {
        return DestinationReport.owing(
                destination.targetId(), DestinationDelivery.sequenceNumbers(records), problem);
    }
}
