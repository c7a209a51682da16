package fanout.forward;

import java.time.Duration;
import java.util.Objects;

/**
 * How one destination is served in one invocation, decided when its turn comes.
 *
 * @param slice the most it may take from its turn (capped by the pool's slice)
 * @param trailing it struggled or is behind: it retries only while the leading (healthy)
 *     destinations are still being served, and it is given up {@code grace} after its end even
 *     while a call hangs
 * @param grace how long past its end a trailing destination's call in flight is waited for
 */
record Turn(Duration slice, boolean trailing, Duration grace) {
    Turn {
        Objects.requireNonNull(slice, "slice is required");
        Objects.requireNonNull(grace, "grace is required");
        if (slice.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("slice and grace must not be negative");
        }
    }

    /** A destination waited for until the invocation's deadline. */
    static Turn leading(Duration slice) {
        return new Turn(slice, false, Duration.ZERO);
    }
}
