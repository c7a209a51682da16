package fanout.forward;

import fanout.check.Required;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import fanout.state.StateTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The state table on DynamoDB: a shard's cursors with one consistent GetItem and one conditional
 * PutItem, a source's cursors with one Query, last errors with BatchWriteItem.
 */
public record DynamoStateStore(DynamoDbClient dynamo, String table) implements StateStore {
    /** BatchWriteItem takes 25 requests per call. */
    public static final int MAX_WRITES_PER_BATCH = 25;

    /**
     * Cursors are read before delivery and written before the answer: one call may not take the
     * SDK's retries for seconds (the breaker in front then leaves a failing table alone).
     */
    static final Duration CURSOR_CALL_TIMEOUT = Duration.ofSeconds(2);

    /** Unprocessed items are sent again this many times before the write fails. */
    static final int MAX_UNPROCESSED_ROUNDS = 5;

    public DynamoStateStore {
        Required.all("dynamo, table", dynamo, table);
    }

    @Override
    public Optional<ShardCursors> cursors(String sourceArn, String shardId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                b ->
                                        b.tableName(table)
                                                .key(
                                                        StateTable.key(
                                                                ShardCursors.partitionKey(
                                                                        sourceArn),
                                                                shardId))
                                                .consistentRead(true)
                                                .overrideConfiguration(
                                                        o -> o.apiCallTimeout(CURSOR_CALL_TIMEOUT)))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(ShardCursors.fromItem(item));
    }

    @Override
    public List<ShardCursors> cursorsOf(String sourceArn) {
        List<ShardCursors> shards = new ArrayList<>();
        dynamo.queryPaginator(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("#pk = :pk")
                                .expressionAttributeNames(Map.of("#pk", StateTable.PK))
                                .expressionAttributeValues(
                                        Map.of(
                                                ":pk",
                                                AttributeValue.fromS(
                                                        ShardCursors.partitionKey(sourceArn))))
                                .consistentRead(true)
                                .build())
                .items()
                .forEach(item -> shards.add(ShardCursors.fromItem(item)));
        return shards;
    }

    @Override
    public void saveErrors(List<LastError> errors) {
        List<WriteRequest> writes = new ArrayList<>();
        errors.forEach(
                e ->
                        writes.add(
                                WriteRequest.builder()
                                        .putRequest(PutRequest.builder().item(e.toItem()).build())
                                        .build()));
        for (int i = 0; i < writes.size(); i += MAX_WRITES_PER_BATCH) {
            write(writes.subList(i, Math.min(writes.size(), i + MAX_WRITES_PER_BATCH)));
        }
    }

    @Override
    public void saveCursors(ShardCursors next) {
        long expected = next.version() - 1;
        try {
            dynamo.putItem(
                    b -> {
                        b.tableName(table)
                                .item(next.toItem())
                                .overrideConfiguration(o -> o.apiCallTimeout(CURSOR_CALL_TIMEOUT));
                        if (expected == 0) {
                            b.conditionExpression("attribute_not_exists(#pk) OR #v = :v")
                                    .expressionAttributeNames(
                                            Map.of("#pk", StateTable.PK, "#v", "version"));
                        } else {
                            b.conditionExpression("#v = :v")
                                    .expressionAttributeNames(Map.of("#v", "version"));
                        }
                        b.expressionAttributeValues(
                                Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
                    });
        } catch (ConditionalCheckFailedException e) {
            throw new CursorConflictException(
                    "the cursors of "
                            + next.shardId()
                            + " changed since version "
                            + expected
                            + " (a control action or a drain wrote them)",
                    e);
        }
    }

    private void write(List<WriteRequest> requests) {
        List<WriteRequest> remaining = requests;
        for (int round = 0; !remaining.isEmpty(); round++) {
            if (round == MAX_UNPROCESSED_ROUNDS) {
                throw new IllegalStateException(
                        remaining.size() + " state writes to " + table + " stayed unprocessed");
            }
            Map<String, List<WriteRequest>> batch = Map.of(table, remaining);
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(batch));
            remaining = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }
}
