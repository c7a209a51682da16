package fanout.control;

import fanout.catchup.SourceReader;
import fanout.check.Required;
import fanout.forward.MappingReader;
import fanout.forward.StateStore;
import fanout.state.Cursor;
import fanout.state.ShardCursors;
import fanout.state.ShardPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Moves one destination's cursors on every shard of a source, for the leader: {@code skip} (a
 * student who left: nothing owed any more, live from the next batch) and {@code replay} (send again
 * everything since a time: the cursor goes back, the destination catches up from the source). Each
 * change raises the cursor's epoch, so a forwarder writing at the same moment does not undo it;
 * writes are conditional on the item's version and tried again on a conflict.
 */
public record CursorControl(StateStore state, SourceReader source, MappingReader mappings) {
    static final int MAX_TRIES = 5;

    public CursorControl {
        Required.all("state, source, mappings", state, source, mappings);
    }

    /** The id is not a mapping of the source. */
    public static final class NotRegisteredException extends IllegalArgumentException {
        NotRegisteredException(String message) {
            super(message);
        }
    }

    private void requireRegistered(String sourceArn, String targetId) {
        boolean known = mappings.read(sourceArn).stream().anyMatch(m -> m.id().equals(targetId));
        if (!known) {
            throw new NotRegisteredException(
                    "no mapping with id '" + targetId + "' for " + sourceArn);
        }
    }

    /** One shard's change: how many records the destination owed before and after. */
    public record Moved(String shardId, long owedBefore, long owedAfter) {}

    /** The destination owes nothing any more on any shard; answers the shards that changed. */
    public List<Moved> skip(String sourceArn, String targetId) {
        requireRegistered(sourceArn, targetId);
        List<Moved> moved = new ArrayList<>();
        for (ShardCursors shard : state.cursorsOf(sourceArn)) {
            Cursor cursor = shard.cursors().get(targetId);
            if (cursor != null && cursor.position().type() != ShardPosition.Type.LATEST) {
                moved.add(
                        change(
                                sourceArn,
                                shard.shardId(),
                                targetId,
                                old ->
                                        new Cursor(
                                                ShardPosition.latest(),
                                                0,
                                                null,
                                                old == null ? 1 : old.epoch() + 1)));
            }
        }
        return moved;
    }

    /** The destination gets every record from {@code since} on again, on every shard. */
    public List<Moved> replay(String sourceArn, String targetId, Instant since) {
        requireRegistered(sourceArn, targetId);
        List<Moved> moved = new ArrayList<>();
        for (String shardId : source.shards(sourceArn)) {
            moved.add(
                    change(
                            sourceArn,
                            shardId,
                            targetId,
                            old ->
                                    new Cursor(
                                            ShardPosition.since(since),
                                            Cursor.UNKNOWN,
                                            since,
                                            old == null ? 1 : old.epoch() + 1)));
        }
        return moved;
    }

    private Moved change(
            String sourceArn, String shardId, String targetId, UnaryOperator<Cursor> how) {
        for (int tries = 1; ; tries++) {
            ShardCursors shard =
                    state.cursors(sourceArn, shardId).orElse(ShardCursors.none(sourceArn, shardId));
            Cursor before = shard.cursors().get(targetId);
            Cursor after = how.apply(before);
            Map<String, Cursor> cursors = new HashMap<>(shard.cursors());
            cursors.put(targetId, after);
            try {
                state.saveCursors(shard.next(shard.live(), shard.liveAt(), cursors));
                return new Moved(shardId, before == null ? 0 : before.owed(), after.owed());
            } catch (StateStore.CursorConflictException e) {
                if (tries == MAX_TRIES) {
                    throw new IllegalStateException(
                            "the cursors of "
                                    + shardId
                                    + " kept changing while moving "
                                    + targetId
                                    + "'s; try again",
                            e);
                }
            }
        }
    }
}
