package fanout.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Delivery progress of one target on one shard: {@code pk = checkpoint#<sourceArn>#<shardId>},
 * {@code sk = <id>}. Written only when a batch is handed back for retry, so the retry skips what
 * this target already received.
 *
 * @param sequenceNumber the last source sequence number this target received (every earlier record
 *     too)
 * @param attempts how many times the batch has been handed back while this target was still behind
 */
public record Checkpoint(
        String sourceArn, String shardId, String targetId, String sequenceNumber, int attempts) {
    private static final String PREFIX = "checkpoint#";

    public Checkpoint {
        Objects.requireNonNull(sourceArn, "sourceArn is required");
        Objects.requireNonNull(shardId, "shardId is required");
        Objects.requireNonNull(targetId, "targetId is required");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    public static String partitionKey(String sourceArn, String shardId) {
        return PREFIX + sourceArn + "#" + shardId;
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item =
                new HashMap<>(StateTable.key(partitionKey(sourceArn, shardId), targetId));
        if (sequenceNumber != null) {
            item.put("sequenceNumber", AttributeValue.fromS(sequenceNumber));
        }
        item.put("attempts", AttributeValue.fromN(Integer.toString(attempts)));
        return item;
    }

    public static Checkpoint fromItem(Map<String, AttributeValue> item) {
        String pk = StateTable.string(item, StateTable.PK).substring(PREFIX.length());
        int split = pk.lastIndexOf('#');
        return new Checkpoint(
                pk.substring(0, split),
                pk.substring(split + 1),
                StateTable.string(item, StateTable.SK),
                StateTable.string(item, "sequenceNumber"),
                (int) StateTable.number(item, "attempts"));
    }
}
