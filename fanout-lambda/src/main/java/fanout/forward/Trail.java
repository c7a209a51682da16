package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When the trailing (struggling, behind) destinations of one delivery stop: {@code tail} after the
 * last leading (healthy) destination finished. Their retries then overlap the healthy deliveries
 * instead of adding to the invocation, which queues every later batch of the shard behind it. It
 * ends only once every destination has finished or started trailing; without leading destinations
 * (everyone behind, a drain) it never ends: their slices bound them.
 */
final class Trail {
    private final Clock clock;
    private final Duration tail;
    private final AtomicInteger leading = new AtomicInteger();
    private volatile boolean anyLeader;
    private volatile Instant endsAt;
    private volatile long endsAtNanos = Long.MAX_VALUE;

    Trail(Clock clock, Duration tail) {
        this.clock = clock;
        this.tail = tail;
    }

    /** One more destination to wait for (until it finishes, or starts trailing). */
    void leads() {
        leading.incrementAndGet();
    }

    /**
     * A destination finished (however) as a leader, or started as a trailing one.
     *
     * @param led it was a leading destination
     */
    void done(boolean led) {
        if (led) {
            anyLeader = true;
        }
        if (leading.decrementAndGet() == 0 && anyLeader) {
            endsAt = clock.instant().plus(tail);
            endsAtNanos = System.nanoTime() + tail.toNanos();
        }
    }

    /** Whether a trailing destination should make no more calls. */
    boolean passed() {
        Instant end = endsAt;
        return end != null && !clock.instant().isBefore(end);
    }

    /**
     * Whether a pause of {@code pause} would end before the trail does (or it is not known yet).
     */
    boolean allows(Duration pause) {
        Instant end = endsAt;
        return end == null || clock.instant().plus(pause).isBefore(end);
    }

    /** The end in {@link System#nanoTime()} terms, {@link Long#MAX_VALUE} while unknown. */
    long endNanos() {
        return endsAtNanos;
    }
}
