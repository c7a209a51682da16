package fanout.catchup;

import fanout.forward.AwsFailures;
import fanout.mapping.Arn;
import fanout.record.SourceRecord;
import fanout.state.ShardPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The source shard through Kinesis (GetShardIterator, GetRecords) with the function's own
 * credentials in the source's region; the hook grants the function these reads.
 */
public final class KinesisSourceReader implements SourceReader {
    /** Error codes that mean the records asked for fell out of the stream's retention. */
    static final Set<String> EXPIRED =
            Set.of("ExpiredIteratorException", "TrimmedDataAccessException");

    private final Function<String, KinesisClient> clientForRegion;

    /**
     * @param clientForRegion the function's own Kinesis client for a region
     */
    public KinesisSourceReader(Function<String, KinesisClient> clientForRegion) {
        this.clientForRegion = Objects.requireNonNull(clientForRegion, "clientForRegion");
    }

    @Override
    public List<String> shards(String sourceArn) {
        Arn arn = Arn.parse(sourceArn);
        List<String> shards = new ArrayList<>();
        try {
            String token = null;
            do {
                String page = token;
                var response =
                        client(arn)
                                .listShards(
                                        b -> {
                                            if (page == null) {
                                                b.streamName(arn.shortName());
                                            } else {
                                                b.nextToken(page);
                                            }
                                        });
                response.shards().forEach(s -> shards.add(s.shardId()));
                token = response.nextToken();
            } while (token != null);
        } catch (SdkException e) {
            throw failure("ListShards", e);
        }
        return shards;
    }

    @Override
    public String open(String sourceArn, String shardId, ShardPosition from) {
        Arn arn = Arn.parse(sourceArn);
        GetShardIteratorRequest.Builder request =
                GetShardIteratorRequest.builder()
                        .streamName(arn.shortName())
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.fromValue(from.type().name()));
        if (from.sequenceNumber() != null) {
            request.startingSequenceNumber(from.sequenceNumber());
        }
        if (from.timestamp() != null) {
            request.timestamp(from.timestamp());
        }
        try {
            return client(arn).getShardIterator(request.build()).shardIterator();
        } catch (SdkException e) {
            throw failure("GetShardIterator", e);
        }
    }

    @Override
    public Page read(String sourceArn, String shardId, String iterator, int limit) {
        GetRecordsResponse response;
        try {
            response =
                    client(Arn.parse(sourceArn))
                            .getRecords(b -> b.shardIterator(iterator).limit(limit));
        } catch (SdkException e) {
            throw failure("GetRecords", e);
        }
        List<SourceRecord> records = new ArrayList<>(response.records().size());
        for (Record r : response.records()) {
            records.add(
                    new SourceRecord(
                            sourceArn,
                            shardId + ":" + r.sequenceNumber(),
                            shardId,
                            r.sequenceNumber(),
                            r.partitionKey(),
                            r.data().asByteArray(),
                            r.approximateArrivalTimestamp()));
        }
        return new Page(records, response.nextShardIterator());
    }

    private KinesisClient client(Arn arn) {
        return clientForRegion.apply(arn.region());
    }

    private static SourceReadException failure(String call, SdkException e) {
        String code =
                e instanceof AwsServiceException service && service.awsErrorDetails() != null
                        ? service.awsErrorDetails().errorCode()
                        : null;
        boolean expired = code != null && EXPIRED.contains(code);
        return new SourceReadException(
                code == null ? AwsFailures.classify(e).code() : code,
                call + " on the source failed: " + AwsFailures.describe(e),
                expired,
                e);
    }
}
