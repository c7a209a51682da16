package fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB in memory for the handler's two tables: Query on the hash key (one page), GetItem,
 * PutItem with the state store's version condition, and BatchWriteItem. Tables are created by
 * {@link #table}.
 */
final class FakeDynamo implements DynamoDbClient {
    private record Table(
            String hash, String range, Map<String, Map<String, AttributeValue>> items) {}

    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    final AtomicInteger queries = new AtomicInteger();

    FakeDynamo table(String name, String hash, String range) {
        tables.put(name, new Table(hash, range, new ConcurrentHashMap<>()));
        return this;
    }

    void put(String table, Map<String, AttributeValue> item) {
        Table t = tables.get(table);
        t.items().put(key(t, item), item);
    }

    List<Map<String, AttributeValue>> items(String table) {
        return new ArrayList<>(tables.get(table).items().values());
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        queries.incrementAndGet();
        Table table = table(request.tableName());
        AttributeValue wanted = request.expressionAttributeValues().values().iterator().next();
        List<Map<String, AttributeValue>> found =
                table.items().values().stream()
                        .filter(item -> wanted.equals(item.get(table.hash())))
                        .toList();
        return QueryResponse.builder().items(found).count(found.size()).build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        Table table = table(request.tableName());
        Map<String, AttributeValue> item = table.items().get(key(table, request.key()));
        return item == null
                ? GetItemResponse.builder().build()
                : GetItemResponse.builder().item(item).build();
    }

    /**
     * Conditions as the state store writes them: on the item's {@code version} (or its absence).
     */
    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        Table table = table(request.tableName());
        String key = key(table, request.item());
        String condition = request.conditionExpression();
        if (condition != null) {
            Map<String, AttributeValue> stored = table.items().get(key);
            AttributeValue expected = request.expressionAttributeValues().get(":v");
            boolean absentOk = condition.contains("attribute_not_exists");
            boolean ok =
                    stored == null
                            ? absentOk
                            : expected != null && expected.equals(stored.get("version"));
            if (!ok) {
                throw ConditionalCheckFailedException.builder()
                        .message("The conditional request failed")
                        .build();
            }
        }
        table.items().put(key, request.item());
        return PutItemResponse.builder().build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        request.requestItems()
                .forEach(
                        (name, writes) -> {
                            Table table = table(name);
                            if (writes.size() > 25) {
                                throw new IllegalArgumentException("more than 25 writes");
                            }
                            for (WriteRequest write : writes) {
                                if (write.putRequest() != null) {
                                    table.items()
                                            .put(
                                                    key(table, write.putRequest().item()),
                                                    write.putRequest().item());
                                } else {
                                    table.items().remove(key(table, write.deleteRequest().key()));
                                }
                            }
                        });
        return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw ResourceNotFoundException.builder()
                    .message("Requested resource not found: " + name)
                    .build();
        }
        return table;
    }

    private static String key(Table t, Map<String, AttributeValue> item) {
        return item.get(t.hash()).s() + "\u0000" + item.get(t.range()).s();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
