package fanout.forward;

import fanout.state.Checkpoint;
import fanout.state.LastError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The state table in memory: checkpoints by shard and target, every last error written. */
final class InMemoryStateStore implements StateStore {
    final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    final List<LastError> errors = new ArrayList<>();
    int checkpointWrites;

    @Override
    public synchronized Map<String, Checkpoint> checkpoints(String sourceArn, String shardId) {
        Map<String, Checkpoint> out = new HashMap<>();
        checkpoints.forEach(
                (key, c) -> {
                    if (c.sourceArn().equals(sourceArn) && c.shardId().equals(shardId)) {
                        out.put(c.targetId(), c);
                    }
                });
        return out;
    }

    @Override
    public synchronized void save(
            List<LastError> newErrors, List<Checkpoint> writes, List<Checkpoint> deletions) {
        errors.addAll(newErrors);
        deletions.forEach(c -> checkpoints.remove(key(c)));
        writes.forEach(c -> checkpoints.put(key(c), c));
        checkpointWrites += writes.size();
    }

    synchronized List<LastError> errorsOf(String targetId) {
        return errors.stream().filter(e -> e.targetId().equals(targetId)).toList();
    }

    Checkpoint checkpoint(String targetId) {
        return checkpoints.get(Records.SOURCE_ARN + "#" + Records.SHARD + "#" + targetId);
    }

    private static String key(Checkpoint c) {
        return c.sourceArn() + "#" + c.shardId() + "#" + c.targetId();
    }
}
