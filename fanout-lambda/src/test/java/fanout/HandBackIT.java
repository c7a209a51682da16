package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * A handed-back batch against dynalite and kinesalite: the retry reaches the lagging destination
 * and duplicates nothing.
 */
class HandBackIT extends LocalForwarding {
    @Test
    void aHandedBackBatchReachesTheLaggingDestinationWithoutDuplicatesForTheOthers()
            throws Exception {
        String sourceName = "handBackSource";
        String source = "arn:aws:kinesis:us-west-2:" + ACCOUNT + ":stream/" + sourceName;
        createStream(sourceName, 1);
        createStream("steadyStream", 1);
        createStream("laggingStream", 1);
        for (String[] row :
                new String[][] {{"steady", "steadyStream"}, {"lag1", "laggingStream"}}) {
            clients.dynamo.putItem(
                    b ->
                            b.tableName("fanoutTargets")
                                    .item(
                                            Map.of(
                                                    "sourceArn",
                                                    AttributeValue.fromS(source),
                                                    "id",
                                                    AttributeValue.fromS(row[0]),
                                                    "type",
                                                    AttributeValue.fromS("kinesis"),
                                                    "destination",
                                                    AttributeValue.fromS(row[1]),
                                                    "active",
                                                    AttributeValue.fromBool(true),
                                                    "parallel",
                                                    AttributeValue.fromBool(false))));
        }
        for (int i = 0; i < 20; i++) {
            String data = "r" + i;
            clients.kinesis.putRecord(
                    b ->
                            b.streamName(sourceName)
                                    .partitionKey("k" + data.length())
                                    .data(SdkBytes.fromUtf8String(data)));
        }
        List<Record> records = read(sourceName);
        AtomicBoolean throttling = new AtomicBoolean(true);
        KinesisClientFactory factory =
                new KinesisClientFactory() {
                    @Override
                    public KinesisClient forDestination(
                            String region, Optional<AssumeRoleSpec> role) {
                        return new ThrottlingClient(clients.kinesis, "laggingStream", throttling);
                    }

                    @Override
                    public void close() {}
                };

        try (FanoutHandler handler =
                new FanoutHandler(
                        Map.of("AWS_REGION", "us-west-2"),
                        new ForwarderServices(
                                clients.dynamo,
                                new RecordingCloudWatch(),
                                factory,
                                Clock.systemUTC()))) {
            JsonNode first = invoke(handler, eventOf(records, source), 2_500);
            assertThat(first.get("batchItemFailures")).hasSize(1);
            String from = first.get("batchItemFailures").get(0).get("itemIdentifier").asText();
            assertThat(from).isEqualTo(records.get(0).sequenceNumber());
            assertThat(read("steadyStream")).hasSize(20);
            assertThat(read("laggingStream")).isEmpty();

            throttling.set(false);
            JsonNode second = invoke(handler, eventOf(records, source), 60_000);
            assertThat(second.get("batchItemFailures")).isEmpty();
        }

        List<String> sent = records.stream().map(LocalForwarding::text).toList();
        assertThat(read("steadyStream"))
                .extracting(LocalForwarding::text)
                .containsExactlyElementsOf(sent);
        assertThat(read("laggingStream"))
                .extracting(LocalForwarding::text)
                .containsExactlyElementsOf(sent);
        assertThat(
                        clients.dynamo
                                .query(
                                        b ->
                                                b.tableName("fanoutState")
                                                        .keyConditionExpression("pk = :pk")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":pk",
                                                                        AttributeValue.fromS(
                                                                                "checkpoint#"
                                                                                        + source
                                                                                        + "#shardId-000000000000"))))
                                .items())
                .as("checkpoints are deleted once the batch succeeded")
                .isEmpty();
    }

    /** Refuses every entry for one stream while {@code throttling}; passes the rest through. */
    private static final class ThrottlingClient implements KinesisClient {
        private final KinesisClient delegate;
        private final String stream;
        private final AtomicBoolean throttling;

        ThrottlingClient(KinesisClient delegate, String stream, AtomicBoolean throttling) {
            this.delegate = delegate;
            this.stream = stream;
            this.throttling = throttling;
        }

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            if (!request.streamName().equals(stream) || !throttling.get()) {
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
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }
}
