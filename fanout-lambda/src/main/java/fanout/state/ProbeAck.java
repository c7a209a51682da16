package fanout.state;

import fanout.check.Required;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A probe record confirmed delivered to one target: {@code pk = probe#<probeId>}, {@code sk =
 * <id>}. A probe is tagged by its partition key on the source, {@value #PARTITION_KEY_PREFIX}{@code
 * <probeId>}, so the forwarder knows it without reading the payload.
 */
public record ProbeAck(String probeId, String targetId, Instant at) {
    private static final String PREFIX = "probe#";

    /** The partition key of a probe record on the source starts with this. */
    public static final String PARTITION_KEY_PREFIX = "fanout-probe:";

    /** The partition key the console writes a probe with. */
    public static String partitionKeyOf(String probeId) {
        return PARTITION_KEY_PREFIX + probeId;
    }

    /** The probe id a record's partition key carries, or null when it is not a probe. */
    public static String probeIdOf(String partitionKey) {
        return partitionKey != null
                        && partitionKey.startsWith(PARTITION_KEY_PREFIX)
                        && partitionKey.length() > PARTITION_KEY_PREFIX.length()
                ? partitionKey.substring(PARTITION_KEY_PREFIX.length())
                : null;
    }

    public ProbeAck {
        Required.all("probeId, targetId, at", probeId, targetId, at);
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
