package fanout.console.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.CreateStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsRequest;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * One simulated account's Kinesis, in one region: requests name the account's streams (by name or
 * ARN), kinesalite holds them under {@code ACCOUNT.REGION.NAME}; answers and errors speak the
 * account's names again. Closing it leaves the shared kinesalite client open.
 */
final class NamespacedKinesisClient implements KinesisClient {
    private final KinesisClient kinesalite;
    private final AccountView account;
    private final IntConsumer onDelivered;

    NamespacedKinesisClient(
            KinesisClient kinesalite, AccountView account, IntConsumer onDelivered) {
        this.kinesalite = Objects.requireNonNull(kinesalite, "kinesalite");
        this.account = Objects.requireNonNull(account, "account");
        this.onDelivered = Objects.requireNonNull(onDelivered, "onDelivered");
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        String name = account.physicalName(request.streamName(), request.streamARN());
        PutRecordsResponse response =
                call(
                        () ->
                                kinesalite.putRecords(
                                        request.toBuilder()
                                                .streamName(name)
                                                .streamARN(null)
                                                .build()));
        int failed = response.failedRecordCount() == null ? 0 : response.failedRecordCount();
        if (response.records().size() > failed) {
            onDelivered.accept(response.records().size() - failed);
        }
        return response;
    }

    @Override
    public PutRecordResponse putRecord(PutRecordRequest request) {
        String name = account.physicalName(request.streamName(), request.streamARN());
        PutRecordResponse response =
                call(
                        () ->
                                kinesalite.putRecord(
                                        request.toBuilder()
                                                .streamName(name)
                                                .streamARN(null)
                                                .build()));
        onDelivered.accept(1);
        return response;
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(
            DescribeStreamSummaryRequest request) {
        String name = account.physicalName(request.streamName(), request.streamARN());
        DescribeStreamSummaryResponse response =
                call(
                        () ->
                                kinesalite.describeStreamSummary(
                                        request.toBuilder()
                                                .streamName(name)
                                                .streamARN(null)
                                                .build()));
        String logical = account.logicalName(name);
        return response.toBuilder()
                .streamDescriptionSummary(
                        response.streamDescriptionSummary().toBuilder()
                                .streamName(logical)
                                .streamARN(account.arn(logical))
                                .build())
                .build();
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        String name = account.physicalName(request.streamName(), request.streamARN());
        DescribeStreamResponse response =
                call(
                        () ->
                                kinesalite.describeStream(
                                        request.toBuilder()
                                                .streamName(name)
                                                .streamARN(null)
                                                .build()));
        String logical = account.logicalName(name);
        return response.toBuilder()
                .streamDescription(
                        response.streamDescription().toBuilder()
                                .streamName(logical)
                                .streamARN(account.arn(logical))
                                .build())
                .build();
    }

    @Override
    public ListShardsResponse listShards(ListShardsRequest request) {
        if (request.nextToken() != null) {
            return call(() -> kinesalite.listShards(request));
        }
        String name = account.physicalName(request.streamName(), request.streamARN());
        return call(
                () ->
                        kinesalite.listShards(
                                request.toBuilder().streamName(name).streamARN(null).build()));
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        String name = account.physicalName(request.streamName(), request.streamARN());
        return call(
                () ->
                        kinesalite.getShardIterator(
                                request.toBuilder().streamName(name).streamARN(null).build()));
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return call(() -> kinesalite.getRecords(request.toBuilder().streamARN(null).build()));
    }

    @Override
    public CreateStreamResponse createStream(CreateStreamRequest request) {
        String name = account.physicalName(request.streamName(), null);
        return call(() -> kinesalite.createStream(request.toBuilder().streamName(name).build()));
    }

    @Override
    public DeleteStreamResponse deleteStream(DeleteStreamRequest request) {
        String name = account.physicalName(request.streamName(), request.streamARN());
        return call(
                () ->
                        kinesalite.deleteStream(
                                request.toBuilder().streamName(name).streamARN(null).build()));
    }

    /** The account's streams only; paging is done here, since kinesalite pages every account. */
    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        List<String> names = new ArrayList<>();
        String start = null;
        boolean more = true;
        while (more) {
            ListStreamsRequest page =
                    ListStreamsRequest.builder().exclusiveStartStreamName(start).build();
            ListStreamsResponse response = call(() -> kinesalite.listStreams(page));
            response.streamNames().stream()
                    .filter(account::owns)
                    .map(account::logicalName)
                    .forEach(names::add);
            more =
                    Boolean.TRUE.equals(response.hasMoreStreams())
                            && !response.streamNames().isEmpty();
            if (more) {
                start = response.streamNames().get(response.streamNames().size() - 1);
            }
        }
        return ListStreamsResponse.builder().streamNames(names).hasMoreStreams(false).build();
    }

    @Override
    public String serviceName() {
        return kinesalite.serviceName();
    }

    @Override
    public void close() {
        // The kinesalite client is shared by every simulated account; the sandbox closes it.
    }

    private <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (AwsServiceException e) {
            String message =
                    e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                            ? e.awsErrorDetails().errorMessage()
                            : e.getMessage();
            throw KinesisErrors.withMessage(e, account.translate(message));
        }
    }
}
