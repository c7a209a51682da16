package fanout.bench;

import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The fakes the benchmark hands the real handler besides Kinesis. DynamoDB is a fake rather than
 * dynalite on purpose: the mapping read is cached for the TTL anyway, and a node process sharing
 * two cores would add noise to figures that are about destinations.
 */
final class BenchServices {
    private BenchServices() {}

    /**
     * The targets table answers the given mappings (one page); the state table has no checkpoints
     * and swallows writes, so every round starts from the same state.
     */
    static final class MappingsOnlyDynamo implements DynamoDbClient {
        private final String targetsTable;
        private final List<Map<String, AttributeValue>> items;
        final AtomicLong writes = new AtomicLong();

        MappingsOnlyDynamo(String targetsTable, List<Mapping> mappings) {
            this.targetsTable = targetsTable;
            this.items = mappings.stream().map(MappingCodec::toItem).toList();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            List<Map<String, AttributeValue>> found =
                    targetsTable.equals(request.tableName()) ? items : List.of();
            return QueryResponse.builder().items(found).count(found.size()).build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            request.requestItems().values().forEach(w -> writes.addAndGet(w.size()));
            return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    /** Accepts every PutMetricData call. */
    static final class SilentCloudWatch implements CloudWatchClient {
        final AtomicLong calls = new AtomicLong();

        @Override
        public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
            calls.incrementAndGet();
            return PutMetricDataResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "monitoring";
        }

        @Override
        public void close() {}
    }

    /** Every destination, whatever its region and role, is a stream of the one fake. */
    record OneClientFactory(BenchKinesis kinesis) implements KinesisClientFactory {
        @Override
        public BenchKinesis forDestination(String region, Optional<AssumeRoleSpec> role) {
            return kinesis;
        }

        @Override
        public void close() {}
    }
}
