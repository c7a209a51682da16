package fanout.time;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff: before retry {@code n} (from 0) wait {@code min(cap, base * 2^n)};
 * with full jitter, a uniformly random time in {@code [0, that]}, so callers throttled together do
 * not retry in lockstep.
 */
public record Backoff(Duration base, Duration cap) {
    public Backoff {
        Objects.requireNonNull(base, "base is required");
        Objects.requireNonNull(cap, "cap is required");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap");
        }
    }

    /** The wait before retry {@code retry} (from 0): doubling from the base, at most the cap. */
    public Duration delay(int retry) {
        Duration delay = base;
        // Doubling stops at the cap, so even a retry count in the hundreds cannot overflow.
        for (int i = 0; i < retry && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** A uniformly random wait in {@code [0, delay(retry)]}, whole milliseconds. */
    public Duration jittered(int retry, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(delay(retry).toMillis() + 1));
    }
}
