package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

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
     * Starts one shard's delivery of one invocation: destinations are started in groups ({@link
     * DeliveryRound#start}), the live ones first, then those catching up once the source is read.
     *
     * @param turnOf each destination's turn, asked when it comes with how long the round has run
     *     (its slice at most {@link #slice()}); trailing ones are given up once their end and grace
     *     have passed, even while a call hangs (the others are waited for until the deadline: a
     *     call that answers after it was given up would be sent again, a duplicate)
     */
    DeliveryRound round(Deadline deadline, BiFunction<Destination, Duration, Turn> turnOf) {
        return new DeliveryRound(this, executor, clock, deadline, turnOf);
    }

    /** One destination's delivery, on the executor. */
    DestinationReport serve(DeliverySlot slot, DeliveryRound round) {
        Deadline deadline = round.deadline();
        Trail trail = round.trail();
        boolean leading = true;
        try {
            if (deadline.passed() && !slot.records.isEmpty()) {
                return DestinationReport.notStarted(
                        slot.destination.targetId(),
                        DestinationDelivery.sequenceNumbers(slot.records));
            }
            // The turn is decided when it comes, not while it queues.
            Turn turn = round.turnOf().apply(slot.destination, round.elapsed());
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
            round.took(slot.destination.targetId());
            return report;
        } finally {
            if (leading) {
                trail.done(true);
            }
        }
    }
}
