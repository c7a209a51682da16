package fanout.forward;

import fanout.check.Required;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.MappingQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The targets table: a Query on {@code sourceArn}, every page (the SDK paginator follows them). */
public record DynamoMappingReader(DynamoDbClient dynamo, String table) implements MappingReader {
    public DynamoMappingReader {
        Required.all("dynamo, table", dynamo, table);
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
