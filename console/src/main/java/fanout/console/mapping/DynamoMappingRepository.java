package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.aws.AwsErrors;
import fanout.console.problem.AwsAccessException;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.MappingQueries;
import fanout.mapping.TargetsTable;
import fanout.time.Sleeper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The targets table on DynamoDB.
 *
 * @param region where the table is, for the message when it is missing
 * @param pageSize items per Query/Scan page (null: DynamoDB's 1 MB pages)
 */
public record DynamoMappingRepository(
        DynamoDbClient dynamo,
        String table,
        String region,
        Clock clock,
        DynamoBatchWriter batches,
        Integer pageSize)
        implements MappingRepository {

    public DynamoMappingRepository(
            DynamoDbClient dynamo, String table, String region, Clock clock, Sleeper sleeper) {
        this(dynamo, table, region, clock, sleeper, null);
    }

    /** With {@code pageSize} items per page, so a test sees every page read. */
    DynamoMappingRepository(
            DynamoDbClient dynamo,
            String table,
            String region,
            Clock clock,
            Sleeper sleeper,
            Integer pageSize) {
        this(dynamo, table, region, clock, new DynamoBatchWriter(dynamo, table, sleeper), pageSize);
    }

    /**
     * The repository on a session's targets table ({@code <function>Targets}, or {@code table}), as
     * the commands and the full-screen console use it.
     */
    public static DynamoMappingRepository forSession(Session session, Optional<String> table) {
        return new DynamoMappingRepository(
                session.aws().dynamo(),
                table.filter(t -> !t.isBlank()).orElse(session.targetsTable()),
                session.region(),
                session.clock(),
                Sleeper.SYSTEM);
    }

    @Override
    public List<Mapping> list(String sourceArn) {
        QueryRequest request = MappingQueries.bySource(table, sourceArn).limit(pageSize).build();
        return call(
                "listing the mappings of " + sourceArn,
                () -> decode(dynamo.queryPaginator(request).items()));
    }

    @Override
    public List<Mapping> listAll() {
        ScanRequest request = ScanRequest.builder().tableName(table).limit(pageSize).build();
        return call("listing all mappings", () -> decode(dynamo.scanPaginator(request).items()));
    }

    @Override
    public Optional<Mapping> get(String sourceArn, String id) {
        return call(
                "reading mapping " + id,
                () -> {
                    Map<String, AttributeValue> item =
                            dynamo.getItem(
                                            r ->
                                                    r.tableName(table)
                                                            .key(MappingCodec.key(sourceArn, id))
                                                            .consistentRead(true))
                                    .item();
                    return item == null || item.isEmpty()
                            ? Optional.empty()
                            : Optional.of(MappingCodec.fromItem(item));
                });
    }

    @Override
    public Mapping create(Mapping mapping) {
        Mapping stamped = stampNew(mapping);
        try {
            call(
                    "registering " + mapping.id(),
                    () ->
                            dynamo.putItem(
                                    r ->
                                            r.tableName(table)
                                                    .item(MappingCodec.toItem(stamped))
                                                    .conditionExpression(
                                                            "attribute_not_exists(#id)")
                                                    .expressionAttributeNames(
                                                            Map.of("#id", TargetsTable.ID))));
        } catch (ConditionalCheckFailedException e) {
            throw new MappingExistsException(mapping.sourceArn(), mapping.id());
        }
        return stamped;
    }

    @Override
    public BatchWriteOutcome createAll(List<Mapping> mappings) {
        List<Mapping> stamped = mappings.stream().map(this::stampNew).toList();
        return call("writing new mappings", () -> batches.put(stamped));
    }

    @Override
    public Mapping update(Mapping mapping) {
        String now = clock.instant().toString();
        UpdateExpression update = UpdateExpression.of(mapping, now);
        try {
            call(
                    "updating mapping " + mapping.id(),
                    () ->
                            dynamo.updateItem(
                                    r ->
                                            r.tableName(table)
                                                    .key(
                                                            MappingCodec.key(
                                                                    mapping.sourceArn(),
                                                                    mapping.id()))
                                                    .updateExpression(update.expression())
                                                    .conditionExpression(update.condition())
                                                    .expressionAttributeNames(update.names())
                                                    .expressionAttributeValues(update.values())));
        } catch (ConditionalCheckFailedException e) {
            throw conflict(mapping);
        }
        String createdAt = mapping.createdAt() == null ? now : mapping.createdAt();
        return mapping.withTimes(createdAt, now, mapping.version() + 1);
    }

    @Override
    public void delete(String sourceArn, String id) {
        call(
                "removing mapping " + id,
                () ->
                        dynamo.deleteItem(
                                r -> r.tableName(table).key(MappingCodec.key(sourceArn, id))));
    }

    @Override
    public BatchWriteOutcome deleteAll(List<Mapping> mappings) {
        return call("removing mappings", () -> batches.delete(mappings));
    }

    private MappingConflictException conflict(Mapping expected) {
        Optional<Mapping> current = get(expected.sourceArn(), expected.id());
        String what =
                current.map(
                                now ->
                                        "was changed by someone else since it was read (version "
                                                + expected.version()
                                                + " read, table now has version "
                                                + now.version()
                                                + ")")
                        .orElse("was removed by someone else since it was read");
        return new MappingConflictException(
                expected.id(),
                "mapping '"
                        + expected.id()
                        + "' "
                        + what
                        + ": nothing was written; run the command again to apply it to the current row");
    }

    private Mapping stampNew(Mapping mapping) {
        String now = clock.instant().toString();
        return mapping.withTimes(now, now, 1);
    }

    private static List<Mapping> decode(Iterable<Map<String, AttributeValue>> items) {
        List<Mapping> mappings = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            mappings.add(MappingCodec.fromItem(item));
        }
        return mappings;
    }

    private <T> T call(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (ResourceNotFoundException e) {
            throw new AwsAccessException(
                    "table "
                            + table
                            + " does not exist in "
                            + region
                            + ": run `fanout deploy` (or check --function and --region)",
                    e);
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw AwsErrors.wrap(doing + " (table " + table + ")", e);
        }
    }
}
