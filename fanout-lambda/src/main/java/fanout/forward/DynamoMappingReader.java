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

/** The targets table: a Query on {@code sourceArn}, every page (the SDK paginator follows them). */
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
        dynamo.queryPaginator(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("#s = :s")
                                .expressionAttributeNames(Map.of("#s", TargetsTable.SOURCE_ARN))
                                .expressionAttributeValues(
                                        Map.of(":s", AttributeValue.fromS(sourceArn)))
                                .consistentRead(true)
                                .build())
                .items()
                .forEach(item -> mappings.add(MappingCodec.fromItem(item)));
        return mappings;
    }
}
