package fanout.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The targets table's attributes in table order, each with how it is read from a {@link Mapping}:
 * the one list of them, so an export (the console's CSV) cannot fall out of step with the row.
 */
public enum MappingAttribute {
    SOURCE_ARN(TargetsTable.SOURCE_ARN, Mapping::sourceArn),
    ID(TargetsTable.ID, Mapping::id),
    TYPE(TargetsTable.TYPE, Mapping::type),
    DESTINATION(TargetsTable.DESTINATION, Mapping::destination),
    ACTIVE(TargetsTable.ACTIVE, Mapping::active),
    PARALLEL(TargetsTable.PARALLEL, Mapping::parallel),
    ROLE(TargetsTable.ROLE, Mapping::role),
    EXTERNAL_ID(TargetsTable.EXTERNAL_ID, Mapping::externalId),
    REGION(TargetsTable.REGION, Mapping::region),
    COLLAPSE(TargetsTable.COLLAPSE, Mapping::collapse),
    CONVERT_DDB(TargetsTable.CONVERT_DDB, Mapping::convertDDB),
    DEAGGREGATE(TargetsTable.DEAGGREGATE, Mapping::deaggregate),
    APPEND_NEWLINES(TargetsTable.APPEND_NEWLINES, Mapping::appendNewlines),
    NAME(TargetsTable.NAME, Mapping::name),
    HELPER(TargetsTable.HELPER, Mapping::helper),
    ORIGIN(TargetsTable.ORIGIN, Mapping::origin),
    CREATED_AT(TargetsTable.CREATED_AT, Mapping::createdAt),
    UPDATED_AT(TargetsTable.UPDATED_AT, Mapping::updatedAt),
    VERSION(TargetsTable.VERSION, Mapping::version);

    private final String attributeName;
    private final Function<Mapping, Object> reader;

    MappingAttribute(String attributeName, Function<Mapping, Object> reader) {
        this.attributeName = attributeName;
        this.reader = reader;
    }

    /** Every attribute's name, in table order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(MappingAttribute::attributeName).toList();
    }

    /** Every attribute of {@code mapping} as text, in table order; absent values are empty. */
    public static List<String> texts(Mapping mapping) {
        return Arrays.stream(values()).map(attribute -> attribute.textOf(mapping)).toList();
    }

    /** The attribute's name in the table (the original's spelling). */
    public String attributeName() {
        return attributeName;
    }

    /** The value as text ({@code true}, {@code 3}), empty when absent. */
    public String textOf(Mapping mapping) {
        Object value = reader.apply(mapping);
        return value == null ? "" : value.toString();
    }
}
