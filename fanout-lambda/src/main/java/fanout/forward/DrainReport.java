package fanout.forward;

import java.util.List;
import java.util.Objects;

/**
 * What a drain did: per shard that had destinations behind, how many were behind before and are
 * still behind after (those continue on the next drain or live batch).
 */
public record DrainReport(String sourceArn, List<Shard> shards) {
    public DrainReport {
        Objects.requireNonNull(sourceArn, "sourceArn is required");
        shards = List.copyOf(shards);
    }

    public record Shard(String shardId, int behindBefore, int behindAfter) {
        public Shard {
            Objects.requireNonNull(shardId, "shardId is required");
        }
    }
}
