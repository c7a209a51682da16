package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.forward.DynamoMappingReader;
import fanout.mapping.Mapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The forwarder's mapping reader against dynalite, past DynamoDB's 1 MB query page. */
class MappingPagesIT extends LocalForwarding {
    @Test
    void aMappingTableLargerThanOneQueryPageIsReadCompletely() {
        String source = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/bigClass";
        String padding = "x".repeat(2500);
        for (int i = 0; i < 600; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("sourceArn", AttributeValue.fromS(source));
            item.put("id", AttributeValue.fromS(String.format("s%03d", i)));
            item.put("type", AttributeValue.fromS("kinesis"));
            item.put("destination", AttributeValue.fromS("stream" + i));
            item.put("active", AttributeValue.fromBool(i % 2 == 0));
            item.put("notes", AttributeValue.fromS(padding));
            clients.dynamo.putItem(b -> b.tableName("fanoutTargets").item(item));
        }
        AtomicInteger pages = new AtomicInteger();
        DynamoDbClient counting =
                new DynamoDbClient() {
                    @Override
                    public QueryResponse query(QueryRequest request) {
                        pages.incrementAndGet();
                        return clients.dynamo.query(request);
                    }

                    @Override
                    public String serviceName() {
                        return "dynamodb";
                    }

                    @Override
                    public void close() {}
                };

        List<Mapping> mappings = new DynamoMappingReader(counting, "fanoutTargets").read(source);

        assertThat(pages.get()).isGreaterThan(1);
        assertThat(mappings).hasSize(600);
        assertThat(mappings).filteredOn(Mapping::active).hasSize(300);
        assertThat(mappings).allSatisfy(m -> assertThat(m.parallel()).isTrue());
    }
}
