package fanout.mapping;

/** Names of the targets table and its attributes, as the original aws-lambda-fanout wrote them. */
public final class TargetsTable {
    public static final String SOURCE_ARN = "sourceArn";
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String DESTINATION = "destination";
    public static final String ACTIVE = "active";
    public static final String PARALLEL = "parallel";
    public static final String ROLE = "role";
    public static final String EXTERNAL_ID = "externalId";
    public static final String REGION = "region";
    public static final String COLLAPSE = "collapse";
    public static final String CONVERT_DDB = "convertDDB";
    public static final String DEAGGREGATE = "deaggregate";
    public static final String APPEND_NEWLINES = "appendNewlines";
    public static final String NAME = "name";
    public static final String HELPER = "helper";
    public static final String ORIGIN = "origin";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String VERSION = "version";

    /** Ours, on self-registered rows: the Slack user ({@code <team>/<user>}) who may remove it. */
    public static final String REGISTERED_BY = "registeredBy";

    private TargetsTable() {}

    /** {@code <function>Targets}, the original's default name. */
    public static String defaultName(String functionName) {
        return functionName + "Targets";
    }
}
