package fanout.forward;

import fanout.state.Cursor;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state table in memory: each shard's cursors as one versioned item (writes conditional on the
 * version, as DynamoStateStore's), every last error written; it can be made to fail like a table
 * that is down.
 */
final class InMemoryStateStore implements StateStore {
    final Map<String, ShardCursors> shards = new ConcurrentHashMap<>();
    final List<LastError> errors = new ArrayList<>();
    final AtomicInteger cursorWrites = new AtomicInteger();
    volatile boolean failing;

    @Override
    public synchronized Optional<ShardCursors> cursors(String sourceArn, String shardId) {
        failIfDown();
        return Optional.ofNullable(shards.get(sourceArn + "#" + shardId));
    }

    @Override
    public synchronized List<ShardCursors> cursorsOf(String sourceArn) {
        failIfDown();
        return shards.values().stream().filter(s -> s.sourceArn().equals(sourceArn)).toList();
    }

    @Override
    public synchronized void saveErrors(List<LastError> newErrors) {
        failIfDown();
        errors.addAll(newErrors);
    }

    @Override
    public synchronized void saveCursors(ShardCursors next) {
        failIfDown();
        String key = next.sourceArn() + "#" + next.shardId();
        ShardCursors stored = shards.get(key);
        long version = stored == null ? 0 : stored.version();
        if (version != next.version() - 1) {
            throw new CursorConflictException("version " + version, null);
        }
        shards.put(key, next);
        cursorWrites.incrementAndGet();
    }

    synchronized List<LastError> errorsOf(String targetId) {
        return errors.stream().filter(e -> e.targetId().equals(targetId)).toList();
    }

    /** The stored cursor of a target on the test shard, null when it is live. */
    Cursor cursor(String targetId) {
        ShardCursors shard = shards.get(Records.SOURCE_ARN + "#" + Records.SHARD);
        return shard == null ? null : shard.cursors().get(targetId);
    }

    private void failIfDown() {
        if (failing) {
            throw new IllegalStateException("the state table is unavailable");
        }
    }
}
