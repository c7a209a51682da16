package fanout.state;

import java.time.Instant;
import java.util.List;
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
 * @param done ranges of sequence numbers after the position that were delivered already (a
 *     destination that struggled got some records past its first failure), flattened as {@code
 *     [from1, to1, from2, to2, ...]}; catch-up skips them, so they are not sent twice
 */
public record Cursor(
        ShardPosition position, long owed, Instant since, int epoch, List<String> done) {
    public static final long UNKNOWN = -1;

    /** Ranges kept at most; past that a few records may be sent twice, the item stays small. */
    public static final int MAX_DONE_RANGES = 32;

    public Cursor(ShardPosition position, long owed, Instant since, int epoch) {
        this(position, owed, since, epoch, List.of());
    }

    public Cursor {
        done = List.copyOf(done);
        if (done.size() % 2 != 0 || done.size() > 2 * MAX_DONE_RANGES) {
            throw new IllegalArgumentException(
                    "done must be pairs of sequence numbers, at most " + MAX_DONE_RANGES);
        }
        Objects.requireNonNull(position, "position is required");
        if (owed < UNKNOWN) {
            throw new IllegalArgumentException("owed must be >= 0, or -1 when unknown");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative");
        }
    }

    public Cursor withPosition(ShardPosition next, long newOwed, Instant newSince) {
        return new Cursor(next, newOwed, newSince, epoch, done);
    }

    public Cursor withDone(List<String> ranges) {
        return new Cursor(position, owed, since, epoch, ranges);
    }
}
