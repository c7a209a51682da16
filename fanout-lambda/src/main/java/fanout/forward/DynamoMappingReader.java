package fanout.forward;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The targets table: a Query on {@code sourceArn}, following every page. */
public final class DynamoMappingReader implements MappingReader {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMappingReader(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo is required");
        this.table = Objects.requireNonNull(table, "table is required");
    }

    @Override
    public List<Mapping> read(String sourceArn) {
        List<Mapping> mappings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page =
                    dynamo.query(
                            QueryRequest.builder()
                                    .tableName(table)
                                    .keyConditionExpression("#s = :s")
                                    .expressionAttributeNames(Map.of("#s", TargetsTable.SOURCE_ARN))
                                    .expressionAttributeValues(
                                            Map.of(":s", AttributeValue.fromS(sourceArn)))
                                    .consistentRead(true)
                                    .exclusiveStartKey(start)
                                    .build());
            page.items().forEach(item -> mappings.add(MappingCodec.fromItem(item)));
            start =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                            ? page.lastEvaluatedKey()
                            : null;
        } while (start != null);
        return mappings;
    }
}
