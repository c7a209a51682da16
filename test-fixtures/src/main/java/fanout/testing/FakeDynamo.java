package fanout.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
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
 * DynamoDB in memory for unit tests that need no dynalite: Query on the hash key ({@code a = :v} or
 * {@code #n = :v}), paged {@link #pageSize} items at a time so paging is exercised, GetItem,
 * PutItem with the state store's version condition, and BatchWriteItem (at most 25 writes, as AWS).
 * Tables are declared by {@link #table}; a missing one answers ResourceNotFoundException as AWS.
 */
public final class FakeDynamo implements DynamoDbClient {
    private record Table(
            String hash, String range, Map<String, Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> snapshot() {
            synchronized (items) {
                return new ArrayList<>(items.values());
            }
        }
    }

    /** Query calls so far. */
    public final AtomicInteger queries = new AtomicInteger();

    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private int pageSize = Integer.MAX_VALUE;

    /** Declares a table with its hash and range key attributes; items keep insertion order. */
    public FakeDynamo table(String name, String hash, String range) {
        tables.put(
                name,
                new Table(
                        hash, range, java.util.Collections.synchronizedMap(new LinkedHashMap<>())));
        return this;
    }

    /** At most this many items per Query page (1 makes every row a page). */
    public FakeDynamo pageSize(int items) {
        if (items < 1) {
            throw new IllegalArgumentException("a page holds at least one item, was " + items);
        }
        this.pageSize = items;
        return this;
    }

    public void put(String table, Map<String, AttributeValue> item) {
        Table t = table(table);
        t.items().put(key(t, item), item);
    }

    public List<Map<String, AttributeValue>> items(String table) {
        return table(table).snapshot();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        queries.incrementAndGet();
        Table table = table(request.tableName());
        String attribute = keyAttribute(request);
        AttributeValue wanted = request.expressionAttributeValues().values().iterator().next();
        List<Map<String, AttributeValue>> matching =
                table.snapshot().stream()
                        .filter(item -> wanted.equals(item.get(attribute)))
                        .toList();
        int from =
                request.hasExclusiveStartKey()
                        ? Integer.parseInt(request.exclusiveStartKey().get("position").n()) + 1
                        : 0;
        int to = (int) Math.min((long) from + pageSize, matching.size());
        List<Map<String, AttributeValue>> page = matching.subList(Math.min(from, to), to);
        QueryResponse.Builder response = QueryResponse.builder().items(page).count(page.size());
        if (to < matching.size()) {
            response.lastEvaluatedKey(
                    Map.of("position", AttributeValue.fromN(Integer.toString(to - 1))));
        }
        return response.build();
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
        request.requestItems().forEach(this::write);
        return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
    }

    private void write(String name, List<WriteRequest> writes) {
        Table table = table(name);
        if (writes.size() > 25) {
            throw new IllegalArgumentException("more than 25 writes");
        }
        for (WriteRequest write : writes) {
            if (write.putRequest() != null) {
                table.items().put(key(table, write.putRequest().item()), write.putRequest().item());
            } else {
                table.items().remove(key(table, write.deleteRequest().key()));
            }
        }
    }

    /** The attribute a {@code name = :value} key condition names, through #placeholders. */
    private static String keyAttribute(QueryRequest request) {
        String name = request.keyConditionExpression().split("=")[0].strip();
        return name.startsWith("#") ? request.expressionAttributeNames().get(name) : name;
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw (ResourceNotFoundException)
                    ResourceNotFoundException.builder()
                            .message("Requested resource not found: " + name)
                            .awsErrorDetails(
                                    AwsErrorDetails.builder()
                                            .errorCode("ResourceNotFoundException")
                                            .build())
                            .statusCode(400)
                            .build();
        }
        return table;
    }

    private static String key(Table t, Map<String, AttributeValue> item) {
        return item.get(t.hash()).s() + "\u0000" + item.get(t.range()).s();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
