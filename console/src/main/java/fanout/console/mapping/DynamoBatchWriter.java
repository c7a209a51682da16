package fanout.console.mapping;

import fanout.console.problem.OperationFailedException;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.time.Backoff;
import fanout.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of {@link #MAX_ITEMS_PER_BATCH}, retrying UnprocessedItems (and only
 * those) with backoff, a bounded number of times.
 */
final class DynamoBatchWriter {
    /** DynamoDB's limit of write requests per BatchWriteItem call. */
    static final int MAX_ITEMS_PER_BATCH = 25;

    /** Calls per chunk before the leftovers are reported as failed. */
    static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    /** Waits before retry n (from 0) of a batch's unprocessed items. */
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));

    private final Sleeper sleeper;

    DynamoBatchWriter(DynamoDbClient dynamo, String table, Sleeper sleeper) {
        this.dynamo = dynamo;
        this.table = table;
        this.sleeper = sleeper;
    }

    BatchWriteOutcome put(List<Mapping> mappings) {
        return write(
                mappings,
                m ->
                        WriteRequest.builder()
                                .putRequest(p -> p.item(MappingCodec.toItem(m)))
                                .build());
    }

    BatchWriteOutcome delete(List<Mapping> mappings) {
        return write(
                mappings,
                m ->
                        WriteRequest.builder()
                                .deleteRequest(d -> d.key(MappingCodec.key(m.sourceArn(), m.id())))
                                .build());
    }

    private BatchWriteOutcome write(
            List<Mapping> mappings, Function<Mapping, WriteRequest> toRequest) {
        List<Mapping> done = new ArrayList<>();
        List<Mapping> failed = new ArrayList<>();
        for (int start = 0; start < mappings.size(); start += MAX_ITEMS_PER_BATCH) {
            List<Mapping> chunk =
                    mappings.subList(start, Math.min(start + MAX_ITEMS_PER_BATCH, mappings.size()));
            List<Mapping> left = writeChunk(chunk, toRequest);
            for (Mapping mapping : chunk) {
                (left.contains(mapping) ? failed : done).add(mapping);
            }
        }
        return new BatchWriteOutcome(done, failed);
    }

    /** Writes one chunk; returns the mappings still unprocessed after the last attempt. */
    private List<Mapping> writeChunk(
            List<Mapping> chunk, Function<Mapping, WriteRequest> toRequest) {
        Map<String, Mapping> pending = new LinkedHashMap<>();
        List<WriteRequest> requests = new ArrayList<>();
        for (Mapping mapping : chunk) {
            pending.put(keyOf(mapping.sourceArn(), mapping.id()), mapping);
            requests.add(toRequest.apply(mapping));
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !requests.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt - 1);
            }
            List<WriteRequest> batch = requests;
            BatchWriteItemResponse response =
                    dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
            requests = response.unprocessedItems().getOrDefault(table, List.of());
        }
        List<Mapping> left = new ArrayList<>();
        for (WriteRequest request : requests) {
            Map<String, AttributeValue> key =
                    request.putRequest() != null
                            ? request.putRequest().item()
                            : request.deleteRequest().key();
            left.add(
                    pending.get(
                            keyOf(
                                    key.get(TargetsTable.SOURCE_ARN).s(),
                                    key.get(TargetsTable.ID).s())));
        }
        return left;
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(RETRY.delay(attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(
                    "interrupted while retrying a DynamoDB batch write", e);
        }
    }

    private static String keyOf(String sourceArn, String id) {
        return sourceArn + "\n" + id;
    }
}
