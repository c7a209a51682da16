package fanout.mapping;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The targets table's one query, every mapping of a source (its partition key): the forwarder, the
 * console's repository and its doctor add only paging, consistency or a count to it.
 */
public final class MappingQueries {
    private MappingQueries() {}

    /**
     * A query for every row of {@code sourceArn} in {@code table}, to finish with what it needs.
     */
    public static QueryRequest.Builder bySource(String table, String sourceArn) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", TargetsTable.SOURCE_ARN))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sourceArn)));
    }
}
