package fanout.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One destination that is behind on one shard: it receives no live batch until it has read the
 * source from {@code position} up to the live position.
 *
 * @param owed source records between the position and the live position; -1 when unknown (a replay
 *     from a point in time)
 * @param since approximate arrival of the first owed record (how far behind in time), null when
 *     unknown
 * @param epoch raised by every control action (skip, replay) on this cursor, so that a forwarder
 *     writing concurrently does not undo the leader's change
 */
public record Cursor(ShardPosition position, long owed, Instant since, int epoch) {
    public static final long UNKNOWN = -1;

    public Cursor {
        Objects.requireNonNull(position, "position is required");
        if (owed < UNKNOWN) {
            throw new IllegalArgumentException("owed must be >= 0, or -1 when unknown");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative");
        }
    }

    public Cursor withPosition(ShardPosition next, long newOwed, Instant newSince) {
        return new Cursor(next, newOwed, newSince, epoch);
    }
}
