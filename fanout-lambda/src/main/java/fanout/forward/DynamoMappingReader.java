package fanout.forward;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.MappingQueries;
import java.time.Duration;
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

    /**
     * Each page within this: a failing table must cost a batch one bounded read, not the SDK's
     * retries up to the client's timeout (the last good mappings keep serving meanwhile).
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public List<Mapping> read(String sourceArn) {
        List<Mapping> mappings = new ArrayList<>();
        dynamo.queryPaginator(
                        MappingQueries.bySource(table, sourceArn)
                                .consistentRead(true)
                                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))
                                .build())
                .items()
                .forEach(item -> mappings.add(MappingCodec.fromItem(item)));
        return mappings;
    }
}
