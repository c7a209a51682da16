package fanout.forward;

import fanout.record.PreparedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** A Kinesis stream as a sink: one PutRecords call per batch, the partition key kept. */
public final class KinesisRecordSink implements RecordSink {
    /** PutRecords: 500 entries, 5 MiB per call, 1 MiB per entry (payload plus partition key). */
    public static final int MAX_ENTRIES_PER_CALL = 500;

    public static final long MAX_BYTES_PER_CALL = 5L * 1024 * 1024;
    public static final long MAX_BYTES_PER_ENTRY = 1024L * 1024;
    public static final BatchLimits LIMITS =
            new BatchLimits(MAX_ENTRIES_PER_CALL, MAX_BYTES_PER_CALL, MAX_BYTES_PER_ENTRY);

    private final KinesisClient client;
    private final String streamName;

    public KinesisRecordSink(KinesisClient client, String streamName) {
        this.client = Objects.requireNonNull(client, "client is required");
        this.streamName = Objects.requireNonNull(streamName, "streamName is required");
    }

    @Override
    public BatchLimits limits() {
        return LIMITS;
    }

    @Override
    public long size(PreparedRecord entry) {
        return entry.data().length + entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public List<EntryOutcome> put(List<PreparedRecord> entries) {
        PutRecordsRequest request =
                PutRecordsRequest.builder()
                        .streamName(streamName)
                        .records(entries.stream().map(KinesisRecordSink::entry).toList())
                        .build();
        PutRecordsResponse response;
        try {
            response = client.putRecords(request);
        } catch (SdkException e) {
            throw AwsFailures.classify(e);
        }
        List<PutRecordsResultEntry> results = response.records();
        if (results.size() != entries.size()) {
            throw new SinkCallException(
                    "InternalFailure",
                    "PutRecords answered " + results.size() + " results for " + entries.size(),
                    false,
                    false,
                    null);
        }
        List<EntryOutcome> outcomes = new ArrayList<>(results.size());
        for (PutRecordsResultEntry result : results) {
            outcomes.add(
                    result.errorCode() == null
                            ? new EntryOutcome.Delivered()
                            : AwsFailures.entryOutcome(result.errorCode(), result.errorMessage()));
        }
        return outcomes;
    }

    private static PutRecordsRequestEntry entry(PreparedRecord record) {
        return PutRecordsRequestEntry.builder()
                .partitionKey(record.partitionKey())
                .explicitHashKey(record.explicitHashKey())
                .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                .build();
    }
}
