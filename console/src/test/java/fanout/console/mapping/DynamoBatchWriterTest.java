package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoBatchWriterTest {

    /** Leaves the last {@code keep} requests of every call unprocessed, {@code times} times. */
    private static final class Throttling implements DynamoDbClient {
        final List<Integer> callSizes = new ArrayList<>();
        final List<String> written = new ArrayList<>();
        int times;
        final int keep;

        Throttling(int times, int keep) {
            this.times = times;
            this.keep = keep;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> requests = request.requestItems().get("t");
            callSizes.add(requests.size());
            int left = times-- > 0 ? Math.min(keep, requests.size()) : 0;
            List<WriteRequest> done = requests.subList(0, requests.size() - left);
            done.forEach(r -> written.add(r.putRequest().item().get("id").s()));
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(
                            left == 0
                                    ? Map.of()
                                    : Map.of(
                                            "t",
                                            requests.subList(
                                                    requests.size() - left, requests.size())))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    private static List<Mapping> rows(int count) {
        List<Mapping> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Mapping.kinesis(SOURCE, "s" + i, "s" + i + "Stream"));
        }
        return rows;
    }

    @Test
    void rowsGoInChunksOfTwentyFive() {
        Throttling dynamo = new Throttling(0, 0);
        BatchWriteOutcome outcome = new DynamoBatchWriter(dynamo, "t", pause -> {}).put(rows(60));
        assertThat(dynamo.callSizes).containsExactly(25, 25, 10);
        assertThat(outcome.done()).hasSize(60);
    }

    @Test
    void unprocessedItemsAreRetriedWithBackoffAndOnlyThose() {
        Throttling dynamo = new Throttling(2, 5);
        List<Duration> pauses = new ArrayList<>();
        BatchWriteOutcome outcome = new DynamoBatchWriter(dynamo, "t", pauses::add).put(rows(25));
        assertThat(dynamo.callSizes).containsExactly(25, 5, 5);
        // 50 ms doubling: the waits before retries 1 and 2.
        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(outcome.complete()).isTrue();
        assertThat(dynamo.written).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void retriesAreBoundedAndTheLeftoversAreReportedAsFailed() {
        Throttling dynamo = new Throttling(Integer.MAX_VALUE, 3);
        BatchWriteOutcome outcome = new DynamoBatchWriter(dynamo, "t", pause -> {}).put(rows(10));
        assertThat(dynamo.callSizes).hasSize(DynamoBatchWriter.MAX_ATTEMPTS);
        assertThat(outcome.failed()).extracting(Mapping::id).containsExactly("s7", "s8", "s9");
        assertThat(outcome.done()).hasSize(7);
    }
}
