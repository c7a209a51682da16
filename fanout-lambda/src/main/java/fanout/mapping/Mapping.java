package fanout.mapping;

import java.util.Objects;

/**
 * One row of the targets table: where records of {@code sourceArn} go for target {@code id}.
 *
 * <p>Field names are the table's attribute names. Rows written by the original CLI lack our
 * optional attributes; {@link MappingCodec} fills the original's defaults ({@code parallel} true,
 * the rest false or absent).
 *
 * @param destination for kinesis, the stream name (an ARN is accepted and reduced to its name by
 *     {@link #destinationStreamName()})
 * @param version incremented on every change; 0 for rows that never had one
 */
public record Mapping(
        String sourceArn,
        String id,
        String type,
        String destination,
        boolean active,
        boolean parallel,
        String role,
        String externalId,
        String region,
        String collapse,
        boolean convertDDB,
        boolean deaggregate,
        boolean appendNewlines,
        String name,
        String helper,
        String origin,
        String createdAt,
        String updatedAt,
        long version) {

    public static final String TYPE_KINESIS = "kinesis";

    public Mapping {
        Objects.requireNonNull(sourceArn, "sourceArn is required");
        Objects.requireNonNull(id, "id is required");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
    }

    /**
     * A new kinesis mapping with the original's defaults; use {@link #toBuilder()} or the {@code
     * with*} methods for the rest.
     */
    public static Mapping kinesis(String sourceArn, String id, String destination) {
        return builder(sourceArn, id).type(TYPE_KINESIS).destination(destination).build();
    }

    /** A builder for a row with the original's defaults ({@code parallel} true, the rest unset). */
    public static MappingBuilder builder(String sourceArn, String id) {
        return new MappingBuilder(sourceArn, id);
    }

    /** A builder holding this row's values, to change a few of them. */
    public MappingBuilder toBuilder() {
        return new MappingBuilder(this);
    }

    /** The stream name for a kinesis destination given as a name or as a stream ARN. */
    public String destinationStreamName() {
        if (destination == null) {
            return null;
        }
        int slash = destination.lastIndexOf('/');
        return destination.startsWith("arn:") && slash >= 0
                ? destination.substring(slash + 1)
                : destination;
    }

    /** A display name: the name if set, else the id. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    public Mapping withActive(boolean value) {
        return toBuilder().active(value).build();
    }

    public Mapping withParallel(boolean value) {
        return toBuilder().parallel(value).build();
    }

    public Mapping withRole(String value, String externalIdValue) {
        return toBuilder().role(value).externalId(externalIdValue).build();
    }

    public Mapping withRegion(String value) {
        return toBuilder().region(value).build();
    }

    public Mapping withDeaggregate(boolean value) {
        return toBuilder().deaggregate(value).build();
    }

    public Mapping withPeople(String nameValue, String helperValue, String originValue) {
        return toBuilder().name(nameValue).helper(helperValue).origin(originValue).build();
    }

    public Mapping withTimes(String createdAtValue, String updatedAtValue, long versionValue) {
        return toBuilder()
                .createdAt(createdAtValue)
                .updatedAt(updatedAtValue)
                .version(versionValue)
                .build();
    }
}
