package fanout.console.check;

import fanout.forward.DynamoMappingReader;
import fanout.mapping.Mapping;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads a source's mappings from the targets table (every page), with the forwarder's own reader:
 * the check sees the rows the function forwards to.
 */
public final class TargetsTableLookup implements MappingLookup {
    private final DynamoMappingReader reader;

    public TargetsTableLookup(DynamoDbClient dynamo, String table) {
        this.reader = new DynamoMappingReader(dynamo, table);
    }

    @Override
    public Map<String, Mapping> mappings(String sourceArn) {
        Map<String, Mapping> mappings = new LinkedHashMap<>();
        reader.read(sourceArn).forEach(mapping -> mappings.put(mapping.id(), mapping));
        return mappings;
    }
}
