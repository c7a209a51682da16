package fanout.state;

import fanout.check.Required;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The last error seen for one target: {@code pk = error#<sourceArn>}, {@code sk = <id>}.
 *
 * @param code a short machine-readable code (e.g. AccessDenied, ResourceNotFound, Throttled,
 *     InvalidMapping)
 */
public record LastError(
        String sourceArn, String targetId, String message, String code, Instant at) {
    private static final String PREFIX = "error#";

    public LastError {
        Required.all("sourceArn, targetId, message, at", sourceArn, targetId, message, at);
    }

    public static String partitionKey(String sourceArn) {
        return PREFIX + sourceArn;
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item =
                new HashMap<>(StateTable.key(partitionKey(sourceArn), targetId));
        item.put("message", AttributeValue.fromS(message));
        item.put("code", AttributeValue.fromS(code == null ? "Error" : code));
        item.put("at", AttributeValue.fromS(at.toString()));
        return item;
    }

    public static LastError fromItem(Map<String, AttributeValue> item) {
        String pk = StateTable.string(item, StateTable.PK);
        return new LastError(
                pk.substring(PREFIX.length()),
                StateTable.string(item, StateTable.SK),
                StateTable.string(item, "message"),
                StateTable.string(item, "code"),
                Instant.parse(StateTable.string(item, "at")));
    }
}
