package fanout.console.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A stream over its write capacity: each PutRecords call has a share of its entries refused with
 * {@code ProvisionedThroughputExceededException} per entry (the call itself succeeds), so the
 * forwarder's retry of only the failed entries runs for real.
 */
record ThrottlingKinesisClient(KinesisClient delegate, ThrottleSchedule schedule)
        implements KinesisClient {

    ThrottlingKinesisClient {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        List<PutRecordsRequestEntry> entries = request.records();
        boolean[] refused = schedule.next(entries.size());
        List<PutRecordsRequestEntry> accepted = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!refused[i]) {
                accepted.add(entries.get(i));
            }
        }
        List<PutRecordsResultEntry> written =
                accepted.isEmpty()
                        ? List.of()
                        : delegate.putRecords(request.toBuilder().records(accepted).build())
                                .records();
        List<PutRecordsResultEntry> results = new ArrayList<>(entries.size());
        int failed = 0;
        int next = 0;
        for (int i = 0; i < entries.size(); i++) {
            PutRecordsResultEntry result = refused[i] ? throttledEntry() : written.get(next++);
            if (result.errorCode() != null) {
                failed++;
            }
            results.add(result);
        }
        return PutRecordsResponse.builder().records(results).failedRecordCount(failed).build();
    }

    @Override
    public PutRecordResponse putRecord(PutRecordRequest request) {
        if (schedule.next(1)[0]) {
            throw KinesisErrors.throttled(throttleMessage());
        }
        return delegate.putRecord(request);
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(
            DescribeStreamSummaryRequest request) {
        return delegate.describeStreamSummary(request);
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return delegate.describeStream(request);
    }

    @Override
    public ListShardsResponse listShards(ListShardsRequest request) {
        return delegate.listShards(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static PutRecordsResultEntry throttledEntry() {
        return PutRecordsResultEntry.builder()
                .errorCode(KinesisErrors.THROTTLED)
                .errorMessage(throttleMessage())
                .build();
    }

    private static String throttleMessage() {
        return "Rate exceeded for shard shardId-000000000000 (sandbox: this student's stream is"
                + " simulated as over its write capacity).";
    }
}
