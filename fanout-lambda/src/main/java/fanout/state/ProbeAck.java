package fanout.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A probe record confirmed delivered to one target: {@code pk = probe#<probeId>}, {@code sk =
 * <id>}.
 */
public record ProbeAck(String probeId, String targetId, Instant at) {
    private static final String PREFIX = "probe#";

    public ProbeAck {
        Objects.requireNonNull(probeId, "probeId is required");
        Objects.requireNonNull(targetId, "targetId is required");
        Objects.requireNonNull(at, "at is required");
    }

    public static String partitionKey(String probeId) {
        return PREFIX + probeId;
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item =
                new HashMap<>(StateTable.key(partitionKey(probeId), targetId));
        item.put("at", AttributeValue.fromS(at.toString()));
        return item;
    }

    public static ProbeAck fromItem(Map<String, AttributeValue> item) {
        return new ProbeAck(
                StateTable.string(item, StateTable.PK).substring(PREFIX.length()),
                StateTable.string(item, StateTable.SK),
                Instant.parse(StateTable.string(item, "at")));
    }
}
