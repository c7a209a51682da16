package fanout.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Slack request already served: {@code pk = slack#replay}, {@code sk = <signature>}, with {@code
 * expiresAt} (epoch seconds, the table's TTL attribute) once the request is too old to be accepted
 * anyway. Written with {@link #CONDITION}, so of two deliveries of one signed request only the
 * first gets through, whichever container serves them.
 */
public record ReplayMark(String signature, Instant expiresAt) {
    public static final String PARTITION_KEY = "slack#replay";
    public static final String EXPIRES_AT = "expiresAt";

    /** The put succeeds only for a signature never seen before. */
    public static final String CONDITION = "attribute_not_exists(" + StateTable.PK + ")";

    public ReplayMark {
        Objects.requireNonNull(signature, "signature is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        if (signature.isBlank()) {
            throw new IllegalArgumentException("signature must not be blank");
        }
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(StateTable.key(PARTITION_KEY, signature));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    public static ReplayMark fromItem(Map<String, AttributeValue> item) {
        return new ReplayMark(
                StateTable.string(item, StateTable.SK),
                Instant.ofEpochSecond(StateTable.number(item, EXPIRES_AT)));
    }
}
