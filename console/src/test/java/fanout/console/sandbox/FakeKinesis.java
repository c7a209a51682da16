package fanout.console.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** A source stream in memory: shards of records, iterators that are "shard/position". */
final class FakeKinesis implements KinesisClient {
    final Map<String, List<Record>> shards = new LinkedHashMap<>();
    final List<GetShardIteratorRequest> iteratorRequests = new ArrayList<>();

    void add(String shardId, String sequenceNumber, String data, Instant arrival) {
        shards.computeIfAbsent(shardId, s -> new ArrayList<>())
                .add(
                        Record.builder()
                                .sequenceNumber(sequenceNumber)
                                .partitionKey("key-" + sequenceNumber)
                                .data(SdkBytes.fromUtf8String(data))
                                .approximateArrivalTimestamp(arrival)
                                .build());
    }

    @Override
    public ListShardsResponse listShards(ListShardsRequest request) {
        List<Shard> list = new ArrayList<>();
        shards.keySet().forEach(id -> list.add(Shard.builder().shardId(id).build()));
        return ListShardsResponse.builder().shards(list).build();
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        iteratorRequests.add(request);
        List<Record> records = shards.get(request.shardId());
        int position;
        switch (request.shardIteratorType()) {
            case LATEST:
                position = records.size();
                break;
            case AT_SEQUENCE_NUMBER:
                position = indexOf(records, request.startingSequenceNumber());
                break;
            case AFTER_SEQUENCE_NUMBER:
                position = indexOf(records, request.startingSequenceNumber()) + 1;
                break;
            default:
                position = 0;
        }
        return GetShardIteratorResponse.builder()
                .shardIterator(request.shardId() + "/" + position)
                .build();
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        String[] parts = request.shardIterator().split("/");
        List<Record> records = shards.get(parts[0]);
        int from = Integer.parseInt(parts[1]);
        int to = Math.min(records.size(), from + request.limit());
        return GetRecordsResponse.builder()
                .records(records.subList(from, to))
                .nextShardIterator(parts[0] + "/" + to)
                .millisBehindLatest(0L)
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}

    private static int indexOf(List<Record> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record " + sequenceNumber);
    }
}
