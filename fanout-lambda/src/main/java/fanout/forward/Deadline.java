package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The end of this invocation's time budget (the Lambda's remaining time minus a safety margin). */
public record Deadline(Clock clock, Instant at) {
    public Deadline {
        Objects.requireNonNull(clock, "clock is required");
        Objects.requireNonNull(at, "at is required");
    }

    public static Deadline after(Clock clock, Duration budget) {
        return new Deadline(clock, clock.instant().plus(budget));
    }

    /** This deadline or {@code slice} from now, whichever comes first: one destination's share. */
    public Deadline slice(Duration slice) {
        Instant end = clock.instant().plus(slice);
        return end.isBefore(at) ? new Deadline(clock, end) : this;
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean passed() {
        return !clock.instant().isBefore(at);
    }

    /** Whether waiting {@code pause} would still leave time to try again. */
    public boolean allows(Duration pause) {
        return clock.instant().plus(pause).isBefore(at);
    }
}
