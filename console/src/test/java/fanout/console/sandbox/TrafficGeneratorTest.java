package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class TrafficGeneratorTest {
    private static final String SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<PutRecordsRequest> puts = new ArrayList<>();
    private final KinesisClient kinesis =
            new KinesisClient() {
                @Override
                public PutRecordsResponse putRecords(PutRecordsRequest request) {
                    puts.add(request);
                    List<PutRecordsResultEntry> results = new ArrayList<>();
                    request.records()
                            .forEach(
                                    r ->
                                            results.add(
                                                    PutRecordsResultEntry.builder()
                                                            .sequenceNumber("1")
                                                            .build()));
                    return PutRecordsResponse.builder()
                            .records(results)
                            .failedRecordCount(0)
                            .build();
                }

                @Override
                public String serviceName() {
                    return SERVICE_NAME;
                }

                @Override
                public void close() {}
            };

    @Test
    void itWritesWhatTheRateOwesSinceItStarted() {
        TrafficGenerator traffic =
                new TrafficGenerator(kinesis, SOURCE, 5, new Random(7), clock, line -> {});
        traffic.tick();
        clock.advance(Duration.ofMillis(200));
        traffic.tick();
        clock.advance(Duration.ofMillis(2800));
        traffic.tick();

        assertThat(traffic.sent()).isEqualTo(15);
        assertThat(puts).allMatch(p -> SOURCE.equals(p.streamARN()));
    }

    @Test
    void eventsAreHelloRetailIngressEventsKeyedByProductId() throws Exception {
        TrafficGenerator traffic =
                new TrafficGenerator(kinesis, SOURCE, 50, new Random(7), clock, line -> {});
        traffic.tick();
        clock.advance(Duration.ofSeconds(1));
        traffic.tick();

        ObjectMapper json = new ObjectMapper();
        List<String> schemas = new ArrayList<>();
        for (PutRecordsRequestEntry entry : puts.get(0).records()) {
            JsonNode event = json.readTree(entry.data().asByteArray());
            assertThat(event.path("schema").asText())
                    .isEqualTo("com.nordstrom/retail-stream-ingress/1-0-0");
            assertThat(event.path("origin").asText()).startsWith("hello-retail/sandbox/");
            assertThat(Instant.parse(event.path("timeOrigin").asText())).isEqualTo(clock.instant());
            assertThat(entry.partitionKey()).isEqualTo(event.path("data").path("id").asText());
            schemas.add(event.path("data").path("schema").asText());
        }
        assertThat(schemas).contains("com.nordstrom/product/create/1-0-0");
        assertThat(schemas).anyMatch(s -> !s.endsWith("create/1-0-0"));
    }
}
