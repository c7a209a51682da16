package fanout.console.check;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads a source's mappings from the targets table (every page). */
public final class TargetsTableLookup implements MappingLookup {
    private final DynamoDbClient dynamo;
    private final String table;

    public TargetsTableLookup(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Mapping> mappings(String sourceArn) {
        Map<String, Mapping> mappings = new LinkedHashMap<>();
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
                .forEach(
                        item -> {
                            Mapping mapping = MappingCodec.fromItem(item);
                            mappings.put(mapping.id(), mapping);
                        });
        return mappings;
    }
}
