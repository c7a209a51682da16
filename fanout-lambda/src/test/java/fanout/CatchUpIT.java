package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import fanout.state.ShardCursors;
import fanout.testing.RecordingCloudWatch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Against dynalite and kinesalite: a destination that cannot keep up falls behind without holding
 * anyone, then catches up by reading the real source stream, in order and without duplicates; a
 * drain and a replay do the same without live traffic.
 */
class CatchUpIT extends LocalForwarding {
    private final AtomicBoolean throttling = new AtomicBoolean(true);

    @Test
    void aLaggingDestinationCatchesUpFromTheSourceStreamInOrderWithoutDuplicates()
            throws Exception {
        String sourceName = "catchUpSource";
        String source = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/" + sourceName;
        createStream(sourceName, 1);
        createStream("steadyStream", 1);
        createStream("laggingStream", 1);
        register(source, "steady", "steadyStream");
        register(source, "lag1", "laggingStream");

        try (FanoutHandler handler = handler()) {
            for (int batch = 0; batch < 2; batch++) {
                List<Record> records = put(sourceName, batch * 10, 10);
                JsonNode answer = invoke(handler, eventOf(records, source), 2_500);
                assertThat(answer.get("batchItemFailures")).as("the shard never waits").isEmpty();
            }
            assertThat(read("steadyStream")).hasSize(20);
            assertThat(read("laggingStream")).isEmpty();
            assertThat(cursors(source).cursors()).containsOnlyKeys("lag1");
            assertThat(cursors(source).cursors().get("lag1").owed()).isEqualTo(20);

            throttling.set(false);
            // Two tries took nothing: the destination waits out its pause before the next one.
            Thread.sleep(fanout.forward.Standings.throttledPause(2).toMillis());
            List<Record> last = put(sourceName, 20, 5);
            assertThat(invoke(handler, eventOf(last, source)).get("batchItemFailures")).isEmpty();
        }

        List<String> sent = read(sourceName).stream().map(LocalForwarding::text).toList();
        assertThat(sent).hasSize(25);
        assertThat(read("steadyStream"))
                .extracting(LocalForwarding::text)
                .containsExactlyElementsOf(sent);
        assertThat(read("laggingStream"))
                .extracting(LocalForwarding::text)
                .as("caught up from the source, in order, once each")
                .containsExactlyElementsOf(sent);
        assertThat(cursors(source).cursors()).as("back to live").isEmpty();
    }

    @Test
    void aDrainCatchesUpWithoutTrafficAndAReplaySendsEverythingSinceATimeAgain() throws Exception {
        String sourceName = "drainSource";
        String source = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/" + sourceName;
        createStream(sourceName, 1);
        createStream("quietStream", 1);
        register(source, "quiet", "quietStream");
        Instant start = Instant.now().minusSeconds(5);

        try (FanoutHandler handler = handler()) {
            List<Record> records = put(sourceName, 0, 8);
            invoke(handler, eventOf(records, source), 2_500);
            assertThat(read("quietStream")).isEmpty();
            throttling.set(false);

            JsonNode drained = invoke(handler, control("drain", source, ""));
            assertThat(drained.get("stillBehind").asInt()).isZero();
            assertThat(read("quietStream")).extracting(LocalForwarding::text).hasSize(8);

            JsonNode replay =
                    invoke(
                            handler,
                            control(
                                    "replay",
                                    source,
                                    ",\"id\":\"quiet\",\"since\":\"" + start + "\""));
            assertThat(replay.get("shards")).hasSize(1);
            invoke(handler, control("drain", source, ""));
        }

        List<String> sent = read(sourceName).stream().map(LocalForwarding::text).toList();
        List<String> twice = new java.util.ArrayList<>(sent);
        twice.addAll(sent);
        assertThat(read("quietStream"))
                .extracting(LocalForwarding::text)
                .containsExactlyElementsOf(twice);
    }

    private FanoutHandler handler() {
        KinesisClientFactory factory =
                new KinesisClientFactory() {
                    @Override
                    public KinesisClient forDestination(
                            String region, Optional<AssumeRoleSpec> role) {
                        return new ThrottlingClient(clients.kinesis, throttling);
                    }

                    @Override
                    public void close() {}
                };
        return new FanoutHandler(
                Map.of("AWS_REGION", "us-west-2"),
                new ForwarderServices(
                        clients.dynamo, new RecordingCloudWatch(), factory, Clock.systemUTC()));
    }

    private JsonNode control(String action, String source, String more) throws Exception {
        return json.readTree(
                "{\"action\":\"" + action + "\",\"sourceArn\":\"" + source + "\"" + more + "}");
    }

    private static void register(String source, String id, String stream) {
        clients.dynamo.putItem(
                b ->
                        b.tableName("fanoutTargets")
                                .item(
                                        Map.of(
                                                "sourceArn", AttributeValue.fromS(source),
                                                "id", AttributeValue.fromS(id),
                                                "type", AttributeValue.fromS("kinesis"),
                                                "destination", AttributeValue.fromS(stream),
                                                "active", AttributeValue.fromBool(true),
                                                "parallel", AttributeValue.fromBool(false))));
    }

    /** Writes {@code count} records to the source; answers the ones just written. */
    private static List<Record> put(String stream, int from, int count) {
        for (int i = from; i < from + count; i++) {
            String data = "r" + i;
            clients.kinesis.putRecord(
                    b ->
                            b.streamName(stream)
                                    .partitionKey("k" + (data.hashCode() % 3))
                                    .data(SdkBytes.fromUtf8String(data)));
        }
        List<Record> all = read(stream);
        return all.subList(all.size() - count, all.size());
    }

    private static ShardCursors cursors(String source) {
        return ShardCursors.fromItem(
                clients.dynamo
                        .getItem(
                                b ->
                                        b.tableName("fanoutState")
                                                .key(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS(
                                                                        ShardCursors.partitionKey(
                                                                                source)),
                                                                "sk",
                                                                AttributeValue.fromS(
                                                                        "shardId-000000000000"))))
                        .item());
    }

    /**
     * Refuses every entry while {@code throttling}, except to {@code steadyStream}; reads pass
     * through.
     */
    private static final class ThrottlingClient implements KinesisClient {
        private final KinesisClient delegate;
        private final AtomicBoolean throttling;

        ThrottlingClient(KinesisClient delegate, AtomicBoolean throttling) {
            this.delegate = delegate;
            this.throttling = throttling;
        }

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            if (!throttling.get() || request.streamName().equals("steadyStream")) {
                return delegate.putRecords(request);
            }
            List<PutRecordsResultEntry> refused =
                    request.records().stream()
                            .map(
                                    e ->
                                            PutRecordsResultEntry.builder()
                                                    .errorCode(
                                                            "ProvisionedThroughputExceededException")
                                                    .errorMessage("Rate exceeded for shard")
                                                    .build())
                            .toList();
            return PutRecordsResponse.builder()
                    .records(refused)
                    .failedRecordCount(refused.size())
                    .build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            return delegate.getShardIterator(request);
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            return delegate.getRecords(request);
        }

        @Override
        public ListShardsResponse listShards(ListShardsRequest request) {
            return delegate.listShards(request);
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }
}
