package fanout.selfreg;

import static fanout.mapping.TargetsTable.*;

import fanout.check.Required;
import fanout.mapping.Arn;
import fanout.mapping.MappingCodec;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Self-registered rows in the targets table, written conditionally: a new id is claimed only if
 * nobody has it, an id is re-registered only for the same stream (same name, region and account),
 * and a row is removed only if it is that stream's and was self-registered by the same Slack user.
 * One UpdateItem does it, so of two students racing for one id exactly one wins, and attributes the
 * leader or the original CLI wrote are kept.
 */
public record RegistrationStore(DynamoDbClient dynamo, String table, Clock clock) {
    public static final String SELF_REGISTERED = "selfreg";

    public RegistrationStore {
        Required.all("dynamo, table, clock", dynamo, table, clock);
    }

    /** What a registration write did. */
    public enum Written {
        CREATED,
        UPDATED,
        UNCHANGED,
        TAKEN
    }

    /** What an unregistration did. */
    public enum Removed {
        REMOVED,
        NOT_REGISTERED,
        OTHER_STREAM,
        NOT_SELF_REGISTERED,
        OTHER_USER
    }

    public Written register(
            String sourceArn,
            String id,
            Arn role,
            Arn stream,
            boolean parallel,
            String sender,
            String userName) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (String name :
                new String[] {
                    ID,
                    TYPE,
                    DESTINATION,
                    REGION,
                    ROLE,
                    ACTIVE,
                    PARALLEL,
                    ORIGIN,
                    NAME,
                    REGISTERED_BY,
                    CREATED_AT,
                    UPDATED_AT,
                    VERSION,
                    CONVERT_DDB,
                    DEAGGREGATE,
                    APPEND_NEWLINES
                }) {
            names.put("#" + name, name);
        }
        String now = clock.instant().toString();
        values.put(":kinesis", AttributeValue.fromS("kinesis"));
        values.put(":destination", AttributeValue.fromS(stream.shortName()));
        values.put(":region", AttributeValue.fromS(stream.region()));
        values.put(":role", AttributeValue.fromS(role.toString()));
        values.put(":rolePrefix", AttributeValue.fromS(accountPrefix(stream)));
        values.put(":true", AttributeValue.fromBool(true));
        values.put(":false", AttributeValue.fromBool(false));
        values.put(":parallel", AttributeValue.fromBool(parallel));
        values.put(":origin", AttributeValue.fromS(SELF_REGISTERED));
        values.put(":name", AttributeValue.fromS(userName.isBlank() ? id : userName));
        values.put(":sender", AttributeValue.fromS(sender));
        values.put(":now", AttributeValue.fromS(now));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":one", AttributeValue.fromN("1"));
        String update =
                "SET #type = :kinesis, #destination = :destination, #region = :region,"
                        + " #role = :role, #active = :true,"
                        + " #parallel = if_not_exists(#parallel, :parallel),"
                        + " #origin = if_not_exists(#origin, :origin),"
                        + " #name = if_not_exists(#name, :name),"
                        + " #registeredBy = if_not_exists(#registeredBy, :sender),"
                        + " #convertDDB = if_not_exists(#convertDDB, :false),"
                        + " #deaggregate = if_not_exists(#deaggregate, :false),"
                        + " #appendNewlines = if_not_exists(#appendNewlines, :false),"
                        + " #createdAt = if_not_exists(#createdAt, :now), #updatedAt = :now,"
                        + " #version = if_not_exists(#version, :zero) + :one";
        String sameStream =
                "#destination = :destination AND #region = :region"
                        + " AND begins_with(#role, :rolePrefix)";
        Map<String, AttributeValue> old;
        try {
            old =
                    dynamo.updateItem(
                                    r ->
                                            r.tableName(table)
                                                    .key(MappingCodec.key(sourceArn, id))
                                                    .updateExpression(update)
                                                    .conditionExpression(
                                                            "attribute_not_exists(#id) OR ("
                                                                    + sameStream
                                                                    + ")")
                                                    .expressionAttributeNames(names)
                                                    .expressionAttributeValues(values)
                                                    .returnValues(ReturnValue.ALL_OLD))
                            .attributes();
        } catch (ConditionalCheckFailedException e) {
            return Written.TAKEN;
        }
        if (old == null || old.isEmpty()) {
            return Written.CREATED;
        }
        boolean sameRole = role.toString().equals(text(old, ROLE));
        boolean wasActive =
                Boolean.TRUE.equals(
                        old.getOrDefault(ACTIVE, AttributeValue.fromBool(false)).bool());
        return sameRole && wasActive ? Written.UNCHANGED : Written.UPDATED;
    }

    public Removed unregister(String sourceArn, String id, Arn stream, String sender) {
        Map<String, AttributeValue> key = MappingCodec.key(sourceArn, id);
        Map<String, String> names =
                Map.of(
                        "#destination", DESTINATION,
                        "#region", REGION,
                        "#role", ROLE,
                        "#origin", ORIGIN,
                        "#registeredBy", REGISTERED_BY);
        Map<String, AttributeValue> values =
                Map.of(
                        ":destination", AttributeValue.fromS(stream.shortName()),
                        ":region", AttributeValue.fromS(stream.region()),
                        ":rolePrefix", AttributeValue.fromS(accountPrefix(stream)),
                        ":origin", AttributeValue.fromS(SELF_REGISTERED),
                        ":sender", AttributeValue.fromS(sender));
        try {
            dynamo.deleteItem(
                    r ->
                            r.tableName(table)
                                    .key(key)
                                    .conditionExpression(
                                            "#destination = :destination AND #region = :region"
                                                    + " AND begins_with(#role, :rolePrefix)"
                                                    + " AND #origin = :origin"
                                                    + " AND #registeredBy = :sender")
                                    .expressionAttributeNames(names)
                                    .expressionAttributeValues(values));
            return Removed.REMOVED;
        } catch (ConditionalCheckFailedException e) {
            return whyNot(key, stream, sender);
        }
    }

    /** Only to explain a refused removal: the refusal itself was decided by the condition. */
    private Removed whyNot(Map<String, AttributeValue> key, Arn stream, String sender) {
        Map<String, AttributeValue> item =
                dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Removed.NOT_REGISTERED;
        }
        boolean same =
                stream.shortName().equals(text(item, DESTINATION))
                        && stream.region().equals(text(item, REGION))
                        && String.valueOf(text(item, ROLE)).startsWith(accountPrefix(stream));
        if (!same) {
            return Removed.OTHER_STREAM;
        }
        if (!SELF_REGISTERED.equals(text(item, ORIGIN))) {
            return Removed.NOT_SELF_REGISTERED;
        }
        return sender.equals(text(item, REGISTERED_BY)) ? Removed.REMOVED : Removed.OTHER_USER;
    }

    private static String accountPrefix(Arn stream) {
        return "arn:" + stream.partition() + ":iam::" + stream.account() + ":";
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
