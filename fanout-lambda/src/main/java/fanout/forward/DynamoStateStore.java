package fanout.forward;

import fanout.state.Checkpoint;
import fanout.state.LastError;
import fanout.state.StateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The state table on DynamoDB: one Query per shard to read, BatchWriteItem to write. */
public final class DynamoStateStore implements StateStore {
    /** BatchWriteItem takes 25 requests per call. */
    public static final int MAX_WRITES_PER_BATCH = 25;

    /** Unprocessed items are sent again this many times before the write fails. */
    static final int MAX_UNPROCESSED_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo is required");
        this.table = Objects.requireNonNull(table, "table is required");
    }

    @Override
    public Map<String, Checkpoint> checkpoints(String sourceArn, String shardId) {
        Map<String, Checkpoint> byTarget = new HashMap<>();
        dynamo.queryPaginator(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("#pk = :pk")
                                .expressionAttributeNames(Map.of("#pk", StateTable.PK))
                                .expressionAttributeValues(
                                        Map.of(
                                                ":pk",
                                                AttributeValue.fromS(
                                                        Checkpoint.partitionKey(
                                                                sourceArn, shardId))))
                                .consistentRead(true)
                                .build())
                .items()
                .forEach(
                        item -> {
                            Checkpoint checkpoint = Checkpoint.fromItem(item);
                            byTarget.put(checkpoint.targetId(), checkpoint);
                        });
        return byTarget;
    }

    @Override
    public void save(
            List<LastError> errors, List<Checkpoint> checkpoints, List<Checkpoint> deletions) {
        List<WriteRequest> writes = new ArrayList<>();
        errors.forEach(e -> writes.add(put(e.toItem())));
        checkpoints.forEach(c -> writes.add(put(c.toItem())));
        for (Checkpoint c : deletions) {
            writes.add(
                    WriteRequest.builder()
                            .deleteRequest(
                                    DeleteRequest.builder()
                                            .key(
                                                    StateTable.key(
                                                            Checkpoint.partitionKey(
                                                                    c.sourceArn(), c.shardId()),
                                                            c.targetId()))
                                            .build())
                            .build());
        }
        for (int i = 0; i < writes.size(); i += MAX_WRITES_PER_BATCH) {
            write(writes.subList(i, Math.min(writes.size(), i + MAX_WRITES_PER_BATCH)));
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

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
