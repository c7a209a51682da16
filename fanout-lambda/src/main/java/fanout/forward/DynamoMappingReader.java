package fanout.forward;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.MappingQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
                        MappingQueries.bySource(table, sourceArn).consistentRead(true).build())
                .items()
                .forEach(item -> mappings.add(MappingCodec.fromItem(item)));
        return mappings;
    }
}
