package fanout.state;

import fanout.check.Required;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A class-wide setting such as the self-registration lock: {@code pk = class}, {@code sk = <name>}.
 */
public record ClassSetting(String name, String value) {
    public static final String PARTITION_KEY = "class";

    /** Self-registration from Slack: {@link #LOCKED} closes it, anything else leaves it open. */
    public static final String SELFREG_LOCK = "selfreg-lock";

    public static final String LOCKED = "locked";
    public static final String OPEN = "open";

    public ClassSetting {
        Required.all("name, value", name, value);
    }

    /** The self-registration lock in the given state. */
    public static ClassSetting selfRegistrationLock(boolean locked) {
        return new ClassSetting(SELFREG_LOCK, locked ? LOCKED : OPEN);
    }

    public boolean locked() {
        return LOCKED.equals(value);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(StateTable.key(PARTITION_KEY, name));
        item.put("value", AttributeValue.fromS(value));
        return item;
    }

    public static ClassSetting fromItem(Map<String, AttributeValue> item) {
        return new ClassSetting(
                StateTable.string(item, StateTable.SK), StateTable.string(item, "value"));
    }
}
