package fanout.forward;

import fanout.time.Backoff;
import fanout.time.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the forwarder retries a destination: the {@link Backoff} with full jitter between rounds, so
 * destinations throttled together do not retry in lockstep.
 *
 * @param maxRounds calls per destination and invocation at most, a guard should the clock not move
 */
public record RetryPolicy(Backoff backoff, int maxRounds, RandomGenerator random, Sleeper sleeper) {
    public static final Backoff DEFAULT_BACKOFF =
            new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    public static final int DEFAULT_MAX_ROUNDS = 200;

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff is required");
        Objects.requireNonNull(random, "random is required");
        Objects.requireNonNull(sleeper, "sleeper is required");
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be positive");
        }
    }

    public static RetryPolicy standard(RandomGenerator random, Sleeper sleeper) {
        return new RetryPolicy(DEFAULT_BACKOFF, DEFAULT_MAX_ROUNDS, random, sleeper);
    }

    /** A uniformly random wait in {@code [0, min(cap, base * 2^retry)]}. */
    public Duration delay(int retry) {
        return backoff.jittered(retry, random);
    }
}
