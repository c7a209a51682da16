package fanout.forward;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (from 0), wait a uniformly random
 * time in {@code [0, min(cap, base * 2^n)]}, so destinations throttled together do not retry in
 * lockstep.
 *
 * @param maxRounds calls per destination and invocation at most, a guard should the clock not move
 */
public record RetryPolicy(
        Duration base, Duration cap, int maxRounds, RandomGenerator random, Sleeper sleeper) {
    public static final Duration DEFAULT_BASE = Duration.ofMillis(50);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_ROUNDS = 200;

    public RetryPolicy {
        Objects.requireNonNull(base, "base is required");
        Objects.requireNonNull(cap, "cap is required");
        Objects.requireNonNull(random, "random is required");
        Objects.requireNonNull(sleeper, "sleeper is required");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap");
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be positive");
        }
    }

    public static RetryPolicy standard(RandomGenerator random, Sleeper sleeper) {
        return new RetryPolicy(DEFAULT_BASE, DEFAULT_CAP, DEFAULT_MAX_ROUNDS, random, sleeper);
    }

    public Duration delay(int retry) {
        long ceiling = base.toMillis() << Math.min(retry, 20);
        ceiling = Math.min(ceiling, cap.toMillis());
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
