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
     * A new kinesis mapping with the original's defaults; use the {@code with*} methods for the
     * rest.
     */
    public static Mapping kinesis(String sourceArn, String id, String destination) {
        return new Mapping(
                sourceArn,
                id,
                TYPE_KINESIS,
                destination,
                false,
                true,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                0);
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
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                value,
                parallel,
                role,
                externalId,
                region,
                collapse,
                convertDDB,
                deaggregate,
                appendNewlines,
                name,
                helper,
                origin,
                createdAt,
                updatedAt,
                version);
    }

    public Mapping withParallel(boolean value) {
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                active,
                value,
                role,
                externalId,
                region,
                collapse,
                convertDDB,
                deaggregate,
                appendNewlines,
                name,
                helper,
                origin,
                createdAt,
                updatedAt,
                version);
    }

    public Mapping withRole(String value, String externalIdValue) {
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                active,
                parallel,
                value,
                externalIdValue,
                region,
                collapse,
                convertDDB,
                deaggregate,
                appendNewlines,
                name,
                helper,
                origin,
                createdAt,
                updatedAt,
                version);
    }

    public Mapping withRegion(String value) {
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                active,
                parallel,
                role,
                externalId,
                value,
                collapse,
                convertDDB,
                deaggregate,
                appendNewlines,
                name,
                helper,
                origin,
                createdAt,
                updatedAt,
                version);
    }

    public Mapping withDeaggregate(boolean value) {
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                active,
                parallel,
                role,
                externalId,
                region,
                collapse,
                convertDDB,
                value,
                appendNewlines,
                name,
                helper,
                origin,
                createdAt,
                updatedAt,
                version);
    }

    public Mapping withPeople(String nameValue, String helperValue, String originValue) {
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                active,
                parallel,
                role,
                externalId,
                region,
                collapse,
                convertDDB,
                deaggregate,
                appendNewlines,
                nameValue,
                helperValue,
                originValue,
                createdAt,
                updatedAt,
                version);
    }

    public Mapping withTimes(String createdAtValue, String updatedAtValue, long versionValue) {
        return new Mapping(
                sourceArn,
                id,
                type,
                destination,
                active,
                parallel,
                role,
                externalId,
                region,
                collapse,
                convertDDB,
                deaggregate,
                appendNewlines,
                name,
                helper,
                origin,
                createdAtValue,
                updatedAtValue,
                versionValue);
    }
}
