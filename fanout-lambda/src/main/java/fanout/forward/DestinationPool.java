package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Serves destinations concurrently on a bounded executor, each on its own and each for at most its
 * slice of the invocation, so one that is slow, throttled or broken costs the others nothing but a
 * thread slot for a bounded time. Destinations are started in the order given (the fair order).
 */
public final class DestinationPool {
    /** How long past the deadline a destination's last call may take before it counts as owed. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    /**
     * How long past its end a trailing destination's last call may take before it is given up:
     * generous, since a call given up may still land (then it is sent again on catch-up), except
     * for a destination whose calls are known to hang ({@link #HUNG_GRACE}).
     */
    public static final Duration CUT_GRACE = Duration.ofSeconds(2);

    /**
     * The same for a destination whose last call hung: it is given up at its end, and a call that
     * lands after all is sent again on catch-up (at least once, to a student who is not healthy).
     */
    public static final Duration HUNG_GRACE = Duration.ZERO;

    /**
     * How long trailing destinations go on retrying after the last leading one finished: about a
     * round trip, so a retry already under way is not wasted.
     */
    public static final Duration TRAIL = Duration.ofMillis(50);

    /** The last problem of a destination given up while its call was in flight. */
    static final String TIMEOUT = "Timeout";

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
     * @param turnOf each destination's turn, asked when it comes (its slice at most {@link
     *     #slice()}); trailing ones are given up once their end and grace have passed, even while a
     *     call hangs (the others are waited for until the deadline: a call that answers after it
     *     was given up would be sent again, a duplicate)
     * @param trail when the trailing destinations stop retrying; the leading ones are registered
     *     with it here
     * @param took filled with how long each finished destination took, from the start of delivery
     */
    List<DestinationReport> deliver(
            List<Destination> destinations,
            Map<String, List<PreparedRecord>> records,
            Deadline deadline,
            Function<Destination, Turn> turnOf,
            Trail trail,
            Map<String, Duration> took) {
        Instant start = clock.instant();
        List<Slot> slots = new ArrayList<>();
        for (Destination destination : destinations) {
            List<PreparedRecord> owed = records.getOrDefault(destination.targetId(), List.of());
            Slot slot = new Slot(destination, owed);
            slots.add(slot);
            // Counted before any can finish; a trailing one is let go when its turn comes, so the
            // trail ends once every leader is done and every trailing one has started.
            trail.leads();
            slot.future =
                    CompletableFuture.supplyAsync(
                            () -> serve(slot, deadline, turnOf, trail, start, took), executor);
        }
        // One end for all waits, so hung destinations cost one grace period, not one each.
        long waitEnd = System.nanoTime() + deadline.remaining().plus(GRACE).toNanos();
        List<DestinationReport> reports = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            reports.add(slot.await(trail, waitEnd));
        }
        return reports;
    }

    private DestinationReport serve(
            Slot slot,
            Deadline deadline,
            Function<Destination, Turn> turnOf,
            Trail trail,
            Instant start,
            Map<String, Duration> took) {
        boolean leading = true;
        try {
            if (deadline.passed() && !slot.records.isEmpty()) {
                return DestinationReport.notStarted(
                        slot.destination.targetId(),
                        DestinationDelivery.sequenceNumbers(slot.records));
            }
            // The turn is decided when it comes, not while it queues.
            Turn turn = turnOf.apply(slot.destination);
            Duration bounded = turn.slice().compareTo(slice) < 0 ? turn.slice() : slice;
            if (turn.trailing()) {
                leading = false;
                slot.grace = turn.grace().toNanos();
                slot.sliceEnd = System.nanoTime() + bounded.toNanos();
                trail.done(false);
            }
            slot.started = true;
            DestinationReport report =
                    new DestinationDelivery(slot.destination, retry, clock, deadline.slice(bounded))
                            .trailing(turn.trailing() ? trail : null)
                            .deliver(sinks, slot.records);
            took.put(slot.destination.targetId(), Duration.between(start, clock.instant()));
            return report;
        } finally {
            if (leading) {
                trail.done(true);
            }
        }
    }

    /** One destination's delivery, as its waiter sees it. */
    private static final class Slot {
        final Destination destination;
        final List<PreparedRecord> records;
        CompletableFuture<DestinationReport> future;
        volatile boolean started;
        volatile long sliceEnd;
        volatile long grace;

        Slot(Destination destination, List<PreparedRecord> records) {
            this.destination = destination;
            this.records = records;
        }

        /**
         * Waits until the invocation's end, or, for a trailing destination, its own end (its
         * slice's, or the trail's) and its grace once it has started: a call that hangs again (a
         * student's stream not answering) must not hold the invocation, and so the class, until the
         * SDK's timeout.
         */
        DestinationReport await(Trail trail, long waitEnd) {
            try {
                while (true) {
                    long end = Math.min(waitEnd, cutAt(trail));
                    if (!started) {
                        end = Math.min(end, System.nanoTime() + NOT_STARTED_POLL.toNanos());
                    }
                    try {
                        return future.get(
                                Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (TimeoutException e) {
                        long now = System.nanoTime();
                        if (now - waitEnd >= 0 || now - cutAt(trail) >= 0) {
                            throw e;
                        }
                    }
                }
            } catch (TimeoutException e) {
                future.cancel(true);
                if (!started) {
                    return DestinationReport.notStarted(
                            destination.targetId(), DestinationDelivery.sequenceNumbers(records));
                }
                return owing(new Problem(TIMEOUT, "not done within the invocation's time budget"));
            } catch (ExecutionException e) {
                return owing(new Problem("InternalError", AwsFailures.describe(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return owing(new Problem("Interrupted", "interrupted"));
            }
        }

        /** When a started trailing destination is given up, {@link Long#MAX_VALUE} if never. */
        private long cutAt(Trail trail) {
            if (!started || sliceEnd == 0) {
                return Long.MAX_VALUE;
            }
            long trailEnd = trail.endNanos();
            long end = trailEnd == Long.MAX_VALUE ? sliceEnd : Math.min(sliceEnd, trailEnd);
            return end + grace;
        }

        /** Everything still owed: the destination stays behind from the first of these records. */
        private DestinationReport owing(Problem problem) {
            return DestinationReport.owing(
                    destination.targetId(), DestinationDelivery.sequenceNumbers(records), problem);
        }
    }
}
