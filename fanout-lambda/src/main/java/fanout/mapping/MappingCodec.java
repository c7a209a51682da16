package fanout.mapping;

import static fanout.mapping.TargetsTable.*;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes {@link Mapping} rows. Reading is lenient about how the original stored values
 * (booleans as BOOL, as the strings "true"/"false" or as numbers), writing uses the original's
 * types (S and BOOL).
 */
public final class MappingCodec {
    private MappingCodec() {}

    public static Mapping fromItem(Map<String, AttributeValue> item) {
        return new Mapping(
                string(item, SOURCE_ARN),
                string(item, ID),
                string(item, TYPE),
                string(item, DESTINATION),
                bool(item, ACTIVE, false),
                bool(item, PARALLEL, true),
                string(item, ROLE),
                string(item, EXTERNAL_ID),
                string(item, REGION),
                string(item, COLLAPSE),
                bool(item, CONVERT_DDB, false),
                bool(item, DEAGGREGATE, false),
                bool(item, APPEND_NEWLINES, false),
                string(item, NAME),
                string(item, HELPER),
                string(item, ORIGIN),
                string(item, CREATED_AT),
                string(item, UPDATED_AT),
                number(item, VERSION));
    }

    /**
     * The full item for a new row; absent optional values are left out rather than written empty.
     */
    public static Map<String, AttributeValue> toItem(Mapping mapping) {
        Map<String, AttributeValue> item =
                new LinkedHashMap<>(key(mapping.sourceArn(), mapping.id()));
        putString(item, TYPE, mapping.type());
        putString(item, DESTINATION, mapping.destination());
        item.put(ACTIVE, AttributeValue.fromBool(mapping.active()));
        item.put(PARALLEL, AttributeValue.fromBool(mapping.parallel()));
        putString(item, ROLE, mapping.role());
        putString(item, EXTERNAL_ID, mapping.externalId());
        putString(item, REGION, mapping.region());
        putString(item, COLLAPSE, mapping.collapse());
        item.put(CONVERT_DDB, AttributeValue.fromBool(mapping.convertDDB()));
        item.put(DEAGGREGATE, AttributeValue.fromBool(mapping.deaggregate()));
        item.put(APPEND_NEWLINES, AttributeValue.fromBool(mapping.appendNewlines()));
        putString(item, NAME, mapping.name());
        putString(item, HELPER, mapping.helper());
        putString(item, ORIGIN, mapping.origin());
        putString(item, CREATED_AT, mapping.createdAt());
        putString(item, UPDATED_AT, mapping.updatedAt());
        item.put(VERSION, AttributeValue.fromN(Long.toString(mapping.version())));
        return item;
    }

    public static Map<String, AttributeValue> key(String sourceArn, String id) {
        return Map.of(SOURCE_ARN, AttributeValue.fromS(sourceArn), ID, AttributeValue.fromS(id));
    }

    private static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return null;
        }
        if (value.s() != null) {
            return value.s();
        }
        return value.n();
    }

    private static boolean bool(Map<String, AttributeValue> item, String name, boolean absent) {
        AttributeValue value = item.get(name);
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return absent;
        }
        if (value.bool() != null) {
            return value.bool();
        }
        if (value.s() != null) {
            return Boolean.parseBoolean(value.s().trim());
        }
        if (value.n() != null) {
            return !value.n().trim().equals("0");
        }
        return absent;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.n().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
