package fanout.console.mapping;

import static fanout.mapping.TargetsTable.*;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The UpdateItem for a changed row: SET every attribute we own that has a value, REMOVE those we
 * own that are now empty, bump {@code version}; attributes written by other tools are never named,
 * so they survive. Conditional on the row existing with the version that was read.
 */
record UpdateExpression(
        String expression,
        String condition,
        Map<String, String> names,
        Map<String, AttributeValue> values) {

    /** Written separately: keys cannot change, times and version follow their own rules. */
    private static final Set<String> NOT_COPIED =
            Set.of(SOURCE_ARN, ID, CREATED_AT, UPDATED_AT, VERSION);

    private static final List<String> OWNED =
            List.of(
                    TYPE,
                    DESTINATION,
                    ACTIVE,
                    PARALLEL,
                    ROLE,
                    EXTERNAL_ID,
                    REGION,
                    COLLAPSE,
                    CONVERT_DDB,
                    DEAGGREGATE,
                    APPEND_NEWLINES,
                    NAME,
                    HELPER,
                    ORIGIN);

    static UpdateExpression of(Mapping mapping, String now) {
        Map<String, AttributeValue> item = MappingCodec.toItem(mapping);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int index = 0;
        for (String attribute : OWNED) {
            String name = "#a" + index;
            names.put(name, attribute);
            if (item.containsKey(attribute) && !NOT_COPIED.contains(attribute)) {
                values.put(":a" + index, item.get(attribute));
                sets.add(name + " = :a" + index);
            } else {
                removes.add(name);
            }
            index++;
        }
        names.put("#id", ID);
        names.put("#v", VERSION);
        names.put("#u", UPDATED_AT);
        names.put("#c", CREATED_AT);
        values.put(":now", AttributeValue.fromS(now));
        values.put(":next", AttributeValue.fromN(Long.toString(mapping.version() + 1)));
        values.put(":expected", AttributeValue.fromN(Long.toString(mapping.version())));
        sets.add("#v = :next");
        sets.add("#u = :now");
        sets.add("#c = if_not_exists(#c, :now)");
        String expression =
                "SET "
                        + String.join(", ", sets)
                        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        // A row that never had a version (written by the original CLI) reads as version 0.
        String versionCheck =
                mapping.version() == 0
                        ? "(attribute_not_exists(#v) OR #v = :expected)"
                        : "#v = :expected";
        return new UpdateExpression(
                expression, "attribute_exists(#id) AND " + versionCheck, names, values);
    }
}
