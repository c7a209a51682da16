package fanout.console.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Just enough DynamoDB for command tests without dynalite: Query on the hash key ({@code #k = :v}),
 * one item per page so paging is exercised.
 */
final class FakeDynamo implements DynamoDbClient {
    final Map<String, List<Map<String, AttributeValue>>> tables = new HashMap<>();

    void put(String table, Map<String, AttributeValue> item) {
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(item);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = tables.get(request.tableName());
        if (items == null) {
            throw (ResourceNotFoundException)
                    ResourceNotFoundException.builder()
                            .message("Requested resource not found")
                            .awsErrorDetails(
                                    AwsErrorDetails.builder()
                                            .errorCode("ResourceNotFoundException")
                                            .build())
                            .statusCode(400)
                            .build();
        }
        String key = request.expressionAttributeNames().get("#k");
        AttributeValue value = request.expressionAttributeValues().get(":v");
        List<Map<String, AttributeValue>> matching = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (value.equals(item.get(key))) {
                matching.add(item);
            }
        }
        int from =
                request.hasExclusiveStartKey()
                        ? Integer.parseInt(request.exclusiveStartKey().get("position").n()) + 1
                        : 0;
        QueryResponse.Builder page =
                QueryResponse.builder()
                        .items(
                                matching.subList(
                                        Math.min(from, matching.size()),
                                        Math.min(from + 1, matching.size())));
        if (from + 1 < matching.size()) {
            page.lastEvaluatedKey(Map.of("position", AttributeValue.fromN(Integer.toString(from))));
        }
        return page.build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
