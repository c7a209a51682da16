package fanout.console.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
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
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.utils.builder.CopyableBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

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
        PutRecordsResponse response = call(physical(request), kinesalite::putRecords);
        int failed = response.failedRecordCount() == null ? 0 : response.failedRecordCount();
        if (response.records().size() > failed) {
            onDelivered.accept(response.records().size() - failed);
        }
        return response;
    }

    @Override
    public PutRecordResponse putRecord(PutRecordRequest request) {
        PutRecordResponse response = call(physical(request), kinesalite::putRecord);
        onDelivered.accept(1);
        return response;
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(
            DescribeStreamSummaryRequest request) {
        DescribeStreamSummaryRequest physical = physical(request);
        DescribeStreamSummaryResponse response = call(physical, kinesalite::describeStreamSummary);
        StreamDescriptionSummary summary = response.streamDescriptionSummary();
        return response.toBuilder()
                .streamDescriptionSummary(logical(summary, physical.streamName()))
                .build();
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        DescribeStreamRequest physical = physical(request);
        DescribeStreamResponse response = call(physical, kinesalite::describeStream);
        StreamDescription description = response.streamDescription();
        return response.toBuilder()
                .streamDescription(logical(description, physical.streamName()))
                .build();
    }

    /** A next page names no stream: its token carries kinesalite's name already. */
    @Override
    public ListShardsResponse listShards(ListShardsRequest request) {
        return call(
                request.nextToken() == null ? physical(request) : request, kinesalite::listShards);
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        return call(physical(request), kinesalite::getShardIterator);
    }

    /**
     * The iterator names kinesalite's stream already; an ARN beside it would name the account's.
     */
    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return call(request.toBuilder().streamARN(null).build(), kinesalite::getRecords);
    }

    @Override
    public CreateStreamResponse createStream(CreateStreamRequest request) {
        return call(physical(request), kinesalite::createStream);
    }

    @Override
    public DeleteStreamResponse deleteStream(DeleteStreamRequest request) {
        return call(physical(request), kinesalite::deleteStream);
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
            ListStreamsResponse response = call(page, kinesalite::listStreams);
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

    /**
     * The request as kinesalite must see it: the stream the account names (by name or ARN) under
     * its physical name, and no ARN.
     */
    private <Q extends SdkPojo & ToCopyableBuilder<?, Q>> Q physical(Q request) {
        String name =
                account.physicalName(member(request, "StreamName"), member(request, "StreamARN"));
        return named(request, name, null);
    }

    /** A stream description (full or summary) as the account sees it: its names, its ARN. */
    private <D extends ToCopyableBuilder<?, D>> D logical(D description, String physicalName) {
        String logical = account.logicalName(physicalName);
        return named(description, logical, account.arn(logical));
    }

    /**
     * A copy with other StreamName and StreamARN members. Every Kinesis request that names a
     * stream, and every stream description, has these two, so one copy through the SDK's field
     * table serves them all.
     */
    private static <T extends ToCopyableBuilder<?, T>> T named(T pojo, String name, String arn) {
        CopyableBuilder<?, T> builder = pojo.toBuilder();
        Map<String, SdkField<?>> fields = ((SdkPojo) builder).sdkFieldNameToField();
        fields.get("StreamName").set(builder, name);
        SdkField<?> arnField = fields.get("StreamARN");
        if (arnField != null) {
            arnField.set(builder, arn);
        }
        return builder.build();
    }

    private static String member(SdkPojo pojo, String name) {
        SdkField<?> field = pojo.sdkFieldNameToField().get(name);
        return field == null ? null : (String) field.getValueOrDefault(pojo);
    }

    /** Runs one kinesalite call; its errors come back in the account's names. */
    private <Q, R> R call(Q request, Function<Q, R> operation) {
        try {
            return operation.apply(request);
        } catch (AwsServiceException e) {
            String message =
                    e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                            ? e.awsErrorDetails().errorMessage()
                            : e.getMessage();
            throw KinesisErrors.withMessage(e, account.translate(message));
        }
    }
}
