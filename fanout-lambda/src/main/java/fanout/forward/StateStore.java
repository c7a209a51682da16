package fanout.forward;

import fanout.state.Checkpoint;
import fanout.state.LastError;
import java.util.List;
import java.util.Map;

/** The forwarder's runtime state: targets' last errors and hand-back checkpoints. */
public interface StateStore {
    /** The checkpoints of one shard, by target id. */
    Map<String, Checkpoint> checkpoints(String sourceArn, String shardId);

    /** Writes last errors and checkpoints, deletes the given checkpoints. */
    void save(List<LastError> errors, List<Checkpoint> checkpoints, List<Checkpoint> deletions);
}
