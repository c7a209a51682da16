package fanout.forward;

import fanout.record.PreparedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** PutRecords through the SDK's Kinesis client: the request marshalled by the SDK per call. */
final class SdkPutRecords implements PutRecordsCall {
    private final KinesisClient client;

    SdkPutRecords(KinesisClient client) {
        this.client = Objects.requireNonNull(client, "client is required");
    }

    @Override
    public List<EntryOutcome> put(String streamName, List<PreparedRecord> entries) {
        List<PutRecordsRequestEntry> records = new ArrayList<>(entries.size());
        for (PreparedRecord entry : entries) {
            records.add(entry(entry));
        }
        List<PutRecordsResultEntry> results =
                client.putRecords(
                                PutRecordsRequest.builder()
                                        .streamName(streamName)
                                        .records(records)
                                        .build())
                        .records();
        PutRecordsCall.requireOnePerEntry(results.size(), entries.size());
        List<EntryOutcome> outcomes = new ArrayList<>(results.size());
        for (PutRecordsResultEntry result : results) {
            outcomes.add(PutRecordsCall.outcome(result.errorCode(), result.errorMessage()));
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
