package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.testing.FakeKinesis;
import fanout.testing.RecordingCloudWatch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class EventSourceMappingEmulatorTest {
    private static final Instant ARRIVAL = Instant.parse("2026-11-25T10:00:00.123Z");
    private final Clock clock = Clock.fixed(ARRIVAL.plusSeconds(7), ZoneOffset.UTC);
    private final FakeKinesis kinesis = new FakeKinesis();
    private final RecordingCloudWatch cloudWatch = new RecordingCloudWatch();
    private final List<String> log = new ArrayList<>();

    private EventSourceMappingEmulator emulator(FakeLambda lambda) {
        return new EventSourceMappingEmulator(lambda, kinesis, cloudWatch, clock, log::add);
    }

    private void fill(String shard, int count) {
        for (int i = 1; i <= count; i++) {
            kinesis.append(shard, Integer.toString(100 + i), "{\"n\":" + i + "}", ARRIVAL);
        }
    }

    @Test
    void itemFailuresAreRedeliveredFromTheLowestFailedRecordOnly() {
        fill("shardId-000000000000", 5);
        FakeLambda lambda = new FakeLambda(10);
        lambda.function =
                event ->
                        lambda.events.size() == 1
                                ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"104\"},"
                                        + "{\"itemIdentifier\":\"103\"}]}"
                                : "{\"batchItemFailures\":[]}";
        EventSourceMappingEmulator emulator = emulator(lambda);

        emulator.refresh();
        emulator.pollOnce();
        emulator.pollOnce();
        emulator.pollOnce();

        assertThat(lambda.batches())
                .containsExactly(
                        List.of("101", "102", "103", "104", "105"), List.of("103", "104", "105"));
    }

    @Test
    void aFunctionErrorRetriesTheWholeBatch() {
        fill("shardId-000000000000", 3);
        FakeLambda lambda = new FakeLambda(2);
        lambda.function = event -> lambda.events.size() == 1 ? null : "{}";
        EventSourceMappingEmulator emulator = emulator(lambda);

        emulator.refresh();
        emulator.pollOnce();
        emulator.pollOnce();
        emulator.pollOnce();

        assertThat(lambda.batches())
                .containsExactly(List.of("101", "102"), List.of("101", "102"), List.of("103"));
        assertThat(log).anyMatch(line -> line.contains("function fanout failed"));
    }

    @Test
    void eachShardIsServedOneBatchAtATimeWithinTheBatchSize() {
        fill("shardId-000000000000", 3);
        kinesis.append("shardId-000000000001", "900", "{}", ARRIVAL);
        FakeLambda lambda = new FakeLambda(2);
        EventSourceMappingEmulator emulator = emulator(lambda);

        emulator.refresh();
        emulator.pollOnce();
        emulator.pollOnce();

        assertThat(lambda.batches())
                .containsExactlyInAnyOrder(List.of("101", "102"), List.of("900"), List.of("103"));
        for (JsonNode event : lambda.events) {
            List<String> shards = new ArrayList<>();
            event.path("Records")
                    .forEach(r -> shards.add(r.path("eventID").asText().split(":")[0]));
            assertThat(shards).as("one shard per batch").hasSize(event.path("Records").size());
            assertThat(shards.stream().distinct()).hasSize(1);
        }
    }

    @Test
    void aPausedMappingStopsAndResumesAfterItsCheckpoint() {
        fill("shardId-000000000000", 2);
        FakeLambda lambda = new FakeLambda(1);
        EventSourceMappingEmulator emulator = emulator(lambda);
        emulator.refresh();
        emulator.pollOnce();

        lambda.setState("Disabled");
        emulator.refresh();
        emulator.pollOnce();
        assertThat(lambda.batches()).containsExactly(List.of("101"));

        lambda.setState("Enabled");
        emulator.refresh();
        emulator.pollOnce();
        assertThat(lambda.batches()).containsExactly(List.of("101"), List.of("102"));
    }

    @Test
    void unhookStopsPollingAndANewHookStartsFromItsOwnStartingPosition() {
        fill("shardId-000000000000", 2);
        FakeLambda lambda = new FakeLambda(10);
        EventSourceMappingEmulator emulator = emulator(lambda);
        emulator.refresh();
        emulator.pollOnce();

        var hooked = lambda.mapping;
        lambda.mapping = null;
        emulator.refresh();
        kinesis.append("shardId-000000000000", "103", "{}", ARRIVAL);
        emulator.pollOnce();
        assertThat(lambda.batches()).containsExactly(List.of("101", "102"));

        lambda.mapping = hooked.toBuilder().uuid("uuid-2").build();
        emulator.refresh();
        emulator.pollOnce();
        assertThat(lambda.batches())
                .containsExactly(List.of("101", "102"), List.of("101", "102", "103"));
    }

    @Test
    void theStartingPositionLatestSkipsWhatIsAlreadyInTheStream() {
        fill("shardId-000000000000", 2);
        FakeLambda lambda = new FakeLambda(10);
        lambda.mapping = lambda.mapping.toBuilder().startingPosition("LATEST").build();
        EventSourceMappingEmulator emulator = emulator(lambda);

        emulator.refresh();
        emulator.pollOnce();
        kinesis.append("shardId-000000000000", "103", "{}", ARRIVAL);
        emulator.pollOnce();

        assertThat(kinesis.iteratorRequests().get(0).shardIteratorType())
                .isEqualTo(ShardIteratorType.LATEST);
        assertThat(lambda.batches()).containsExactly(List.of("103"));
    }

    @Test
    void theEventHasTheShapeLambdaGivesAFunction() {
        kinesis.append("shardId-000000000000", "101", "{\"hello\":1}", ARRIVAL);
        FakeLambda lambda = new FakeLambda(10);
        EventSourceMappingEmulator emulator = emulator(lambda);

        emulator.refresh();
        emulator.pollOnce();

        JsonNode record = lambda.events.get(0).path("Records").get(0);
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:kinesis");
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.0");
        assertThat(record.path("eventName").asText()).isEqualTo("aws:kinesis:record");
        assertThat(record.path("eventID").asText()).isEqualTo("shardId-000000000000:101");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo(FakeLambda.SOURCE);
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-west-2");
        assertThat(record.path("invokeIdentityArn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/fanoutRole");
        JsonNode kinesisPart = record.path("kinesis");
        assertThat(kinesisPart.path("kinesisSchemaVersion").asText()).isEqualTo("1.0");
        assertThat(kinesisPart.path("partitionKey").asText()).isEqualTo("key-101");
        assertThat(kinesisPart.path("sequenceNumber").asText()).isEqualTo("101");
        assertThat(kinesisPart.path("data").asText()).isEqualTo("eyJoZWxsbyI6MX0=");
        assertThat(kinesisPart.path("approximateArrivalTimestamp").isNumber()).isTrue();
        assertThat(lambda.rawEvents.get(0))
                .as("fractional epoch seconds, not scientific notation")
                .containsPattern("\"approximateArrivalTimestamp\":\\d{10}\\.\\d{3}[,}]");
        assertThat(kinesisPart.path("approximateArrivalTimestamp").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(ARRIVAL.toEpochMilli(), 3));
    }

    @Test
    void iteratorAgeInvocationsAndErrorsArePublishedAsLambdaWould() {
        fill("shardId-000000000000", 1);
        FakeLambda lambda = new FakeLambda(10);
        lambda.function = event -> null;
        EventSourceMappingEmulator emulator = emulator(lambda);

        emulator.refresh();
        emulator.pollOnce();
        emulator.flushMetrics();

        assertThat(cloudWatch.requests).hasSize(1);
        assertThat(cloudWatch.requests.get(0).namespace()).isEqualTo("AWS/Lambda");
        assertThat(datum("IteratorAge").value()).isEqualTo(7000.0);
        assertThat(datum("Invocations").value()).isEqualTo(1.0);
        assertThat(datum("Errors").value()).isEqualTo(1.0);
        assertThat(datum("Errors").dimensions().get(0).value()).isEqualTo("fanout");
    }

    private MetricDatum datum(String name) {
        return cloudWatch.requests.get(0).metricData().stream()
                .filter(d -> d.metricName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
