package fanout.mapping;

/**
 * Builds a {@link Mapping} from the original's defaults or from another row, so a change names only
 * the attributes it changes. The record's compact constructor still validates what is built.
 */
public final class MappingBuilder {
    private String sourceArn;
    private String id;
    private String type;
    private String destination;
    private boolean active;
    private boolean parallel = true;
    private String role;
    private String externalId;
    private String region;
    private String collapse;
    private boolean convertDDB;
    private boolean deaggregate;
    private boolean appendNewlines;
    private String name;
    private String helper;
    private String origin;
    private String createdAt;
    private String updatedAt;
    private long version;

    MappingBuilder(String sourceArn, String id) {
        this.sourceArn = sourceArn;
        this.id = id;
    }

    MappingBuilder(Mapping from) {
        this.sourceArn = from.sourceArn();
        this.id = from.id();
        this.type = from.type();
        this.destination = from.destination();
        this.active = from.active();
        this.parallel = from.parallel();
        this.role = from.role();
        this.externalId = from.externalId();
        this.region = from.region();
        this.collapse = from.collapse();
        this.convertDDB = from.convertDDB();
        this.deaggregate = from.deaggregate();
        this.appendNewlines = from.appendNewlines();
        this.name = from.name();
        this.helper = from.helper();
        this.origin = from.origin();
        this.createdAt = from.createdAt();
        this.updatedAt = from.updatedAt();
        this.version = from.version();
    }

    public MappingBuilder type(String value) {
        this.type = value;
        return this;
    }

    public MappingBuilder destination(String value) {
        this.destination = value;
        return this;
    }

    public MappingBuilder active(boolean value) {
        this.active = value;
        return this;
    }

    public MappingBuilder parallel(boolean value) {
        this.parallel = value;
        return this;
    }

    public MappingBuilder role(String value) {
        this.role = value;
        return this;
    }

    public MappingBuilder externalId(String value) {
        this.externalId = value;
        return this;
    }

    public MappingBuilder region(String value) {
        this.region = value;
        return this;
    }

    public MappingBuilder collapse(String value) {
        this.collapse = value;
        return this;
    }

    public MappingBuilder convertDDB(boolean value) {
        this.convertDDB = value;
        return this;
    }

    public MappingBuilder deaggregate(boolean value) {
        this.deaggregate = value;
        return this;
    }

    public MappingBuilder appendNewlines(boolean value) {
        this.appendNewlines = value;
        return this;
    }

    public MappingBuilder name(String value) {
        this.name = value;
        return this;
    }

    public MappingBuilder helper(String value) {
        this.helper = value;
        return this;
    }

    public MappingBuilder origin(String value) {
        this.origin = value;
        return this;
    }

    public MappingBuilder createdAt(String value) {
        this.createdAt = value;
        return this;
    }

    public MappingBuilder updatedAt(String value) {
        this.updatedAt = value;
        return this;
    }

    public MappingBuilder version(long value) {
        this.version = value;
        return this;
    }

    public Mapping build() {
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
                createdAt,
                updatedAt,
                version);
    }
}
