package fanout.state;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key names of the state table and small codec helpers shared by its item classes. */
public final class StateTable {
    public static final String PK = "pk";
    public static final String SK = "sk";

    private StateTable() {}

    /** {@code <function>State}. */
    public static String defaultName(String functionName) {
        return functionName + "State";
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s() != null ? value.s() : value.n();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
