package fanout.forward;

import fanout.state.Cursor;
import fanout.state.ShardCursors;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's copy of every shard's cursors, so a failing state table never makes a destination
 * forget where it is (and never makes a batch go out again). The table wins when it can be read;
 * what this container could not write is merged into it, the leader's control actions (a higher
 * epoch) winning over ours.
 */
final class CursorBook {
    private static final Logger LOG = Logger.getLogger(CursorBook.class.getName());

    /**
     * @param base the version last read or written
     * @param current what this container knows now, as a change to {@code base}
     */
    private record Entry(ShardCursors base, ShardCursors current, boolean saved) {}

    private final Map<String, Entry> shards = new ConcurrentHashMap<>();
    private final StateStore store;

    CursorBook(StateStore store) {
        this.store = store;
    }

    /**
     * The cursors to start from: the table's, merged with what this container could not write; this
     * container's alone when the table cannot be read.
     *
     * @param stateError told of every state table failure (for the StateErrors count)
     */
    ShardCursors load(String sourceArn, String shardId, Consumer<RuntimeException> stateError) {
        Entry entry = shards.get(key(sourceArn, shardId));
        ShardCursors theirs;
        try {
            theirs =
                    store.cursors(sourceArn, shardId).orElse(ShardCursors.none(sourceArn, shardId));
        } catch (RuntimeException e) {
            stateError.accept(e);
            LOG.log(
                    Level.WARNING,
                    "StateErrors: cannot read the cursors of "
                            + shardId
                            + ", going on with this container's: "
                            + AwsFailures.describe(e));
            return entry == null ? ShardCursors.none(sourceArn, shardId) : entry.current();
        }
        if (entry == null || entry.saved()) {
            return theirs;
        }
        return merge(entry.base(), entry.current(), theirs);
    }

    /**
     * Writes {@code next} (only when it changed anything), conditionally on the version it came
     * from; on a conflict merges with what the other writer wrote and tries once more. What cannot
     * be written stays in this container.
     *
     * @return whether the table holds it
     */
    boolean save(ShardCursors from, ShardCursors next, Consumer<RuntimeException> stateError) {
        if (from.sameAs(next) || (from.cursors().isEmpty() && next.cursors().isEmpty())) {
            return true; // nobody behind before or after: the live position alone is not worth it
        }
        String key = key(next.sourceArn(), next.shardId());
        ShardCursors attempt = from.next(next.live(), next.liveAt(), next.cursors());
        for (int tries = 0; tries < 2; tries++) {
            try {
                store.saveCursors(attempt);
                shards.put(key, new Entry(attempt, attempt, true));
                return true;
            } catch (StateStore.CursorConflictException e) {
                try {
                    ShardCursors theirs =
                            store.cursors(next.sourceArn(), next.shardId())
                                    .orElse(ShardCursors.none(next.sourceArn(), next.shardId()));
                    ShardCursors merged = merge(from, attempt, theirs);
                    attempt = theirs.next(merged.live(), merged.liveAt(), merged.cursors());
                    from = theirs;
                } catch (RuntimeException again) {
                    return unsaved(key, from, attempt, again, stateError);
                }
            } catch (RuntimeException e) {
                return unsaved(key, from, attempt, e, stateError);
            }
        }
        return unsaved(key, from, attempt, new IllegalStateException("kept changing"), stateError);
    }

    private boolean unsaved(
            String key,
            ShardCursors base,
            ShardCursors attempt,
            RuntimeException e,
            Consumer<RuntimeException> stateError) {
        stateError.accept(e);
        LOG.log(
                Level.WARNING,
                "StateErrors: cannot write the cursors of "
                        + attempt.shardId()
                        + ", kept in this container: "
                        + AwsFailures.describe(e));
        ShardCursors current =
                new ShardCursors(
                        attempt.sourceArn(),
                        attempt.shardId(),
                        base.version(),
                        attempt.live(),
                        attempt.liveAt(),
                        attempt.cursors());
        shards.put(key, new Entry(base, current, false));
        return false;
    }

    /**
     * Ours over theirs, except where theirs carries a control action newer than anything we saw, or
     * a cursor we never knew of; the live position is the further one.
     */
    static ShardCursors merge(ShardCursors base, ShardCursors ours, ShardCursors theirs) {
        Map<String, Cursor> merged = new HashMap<>();
        Set<String> ids = new HashSet<>(theirs.cursors().keySet());
        ids.addAll(ours.cursors().keySet());
        for (String id : ids) {
            Cursor t = theirs.cursors().get(id);
            Cursor b = base.cursors().get(id);
            Cursor o = ours.cursors().get(id);
            int seen = Math.max(b == null ? -1 : b.epoch(), o == null ? -1 : o.epoch());
            Cursor pick;
            if (t != null && t.epoch() > seen) {
                pick = t;
            } else if (b == null && o == null) {
                pick = t;
            } else {
                pick = o;
            }
            if (pick != null) {
                merged.put(id, pick);
            }
        }
        boolean oursFurther =
                theirs.live() == null
                        || (ours.live() != null
                                && SequenceNumbers.ORDER.compare(ours.live(), theirs.live()) >= 0);
        return new ShardCursors(
                theirs.sourceArn(),
                theirs.shardId(),
                theirs.version(),
                oursFurther ? ours.live() : theirs.live(),
                oursFurther ? ours.liveAt() : theirs.liveAt(),
                merged);
    }

    private static String key(String sourceArn, String shardId) {
        return sourceArn + "#" + shardId;
    }
}
