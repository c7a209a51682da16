package fanout.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class KinesisEventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsEveryFieldOfTheRealLambdaEventShape() {
        List<SourceRecord> records = EventFixtures.records("plain-hello-retail");
        List<EventFixtures.ExpectedRecord> expected = EventFixtures.expected("plain-hello-retail");

        assertThat(records).hasSize(3);
        SourceRecord first = records.get(0);
        assertThat(first.eventSourceArn()).isEqualTo(EventFixtures.SOURCE_ARN);
        assertThat(first.sourceStream()).isEqualTo("coreRetailStream");
        assertThat(first.shardId()).isEqualTo("shardId-000000000000");
        assertThat(first.sequenceNumber()).isEqualTo(expected.get(0).sequenceNumber());
        assertThat(first.eventId()).isEqualTo("shardId-000000000000:" + first.sequenceNumber());
        assertThat(first.partitionKey()).isEqualTo("7749361");
        assertThat(new String(first.data(), StandardCharsets.UTF_8))
                .isEqualTo(expected.get(0).users().get(0).data());
        assertThat(first.approximateArrival()).isEqualTo(Instant.parse("2025-11-25T16:37:13.125Z"));
        assertThat(records.get(1).approximateArrival())
                .isEqualTo(Instant.parse("2025-11-25T16:37:13.375Z"));
    }

    @Test
    void keepsTheMillisecondsOfFractionalArrivalTimestampsExact() throws Exception {
        JsonNode event =
                withRecord(kinesis -> kinesis.put("approximateArrivalTimestamp", 1545084650.987));

        assertThat(KinesisEvents.read(event).get(0).approximateArrival())
                .isEqualTo(Instant.ofEpochMilli(1545084650987L));
    }

    @Test
    void acceptsWholeSecondArrivalTimestamps() throws Exception {
        JsonNode event =
                withRecord(kinesis -> kinesis.put("approximateArrivalTimestamp", 1545084650));

        assertThat(KinesisEvents.read(event).get(0).approximateArrival())
                .isEqualTo(Instant.ofEpochSecond(1545084650L));
    }

    @Test
    void tellsStreamEventsFromControlInvocations() throws Exception {
        assertThat(KinesisEvents.isKinesisEvent(EventFixtures.event("kpl-hello-retail"))).isTrue();
        assertThat(KinesisEvents.isKinesisEvent(MAPPER.readTree("{\"Records\": []}"))).isTrue();
        assertThat(
                        KinesisEvents.isKinesisEvent(
                                MAPPER.readTree("{\"action\": \"check\", \"ids\": []}")))
                .isFalse();
        assertThat(KinesisEvents.isKinesisEvent(MAPPER.readTree("{\"Records\": [{\"s3\": {}}]}")))
                .isFalse();
        assertThat(KinesisEvents.isKinesisEvent(MAPPER.readTree("[1, 2]"))).isFalse();
        assertThat(KinesisEvents.isKinesisEvent(null)).isFalse();
    }

    @Test
    void namesTheRecordIndexAndFieldOfMalformedInput() {
        assertMalformed(
                kinesis -> kinesis.remove("data"),
                "Records[1].kinesis.data: missing or not a string");
        assertMalformed(
                kinesis -> kinesis.put("data", "not*base64!"),
                "Records[1].kinesis.data: not valid base64");
        assertMalformed(
                kinesis -> kinesis.put("partitionKey", ""),
                "Records[1].kinesis.partitionKey: not a non-empty string");
        assertMalformed(
                kinesis -> kinesis.remove("sequenceNumber"),
                "Records[1].kinesis.sequenceNumber: missing");
        assertMalformed(
                kinesis -> kinesis.put("approximateArrivalTimestamp", "yesterday"),
                "Records[1].kinesis.approximateArrivalTimestamp: missing or not a number");
    }

    @Test
    void namesTheEnvelopeFieldsOfMalformedInput() throws Exception {
        ObjectNode event = (ObjectNode) EventFixtures.event("plain-hello-retail").deepCopy();
        ObjectNode second = (ObjectNode) event.get("Records").get(1);
        second.put("eventID", "no-colon-here");
        assertThatThrownBy(() -> KinesisEvents.read(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "Records[1].eventID: 'no-colon-here' is not shardId-...:sequenceNumber");

        second.remove("kinesis");
        assertThatThrownBy(() -> KinesisEvents.read(event))
                .hasMessageContaining("Records[1].kinesis: missing or not an object");

        assertThatThrownBy(() -> KinesisEvents.read(MAPPER.readTree("{\"Records\": {}}")))
                .hasMessageContaining("Records: missing or not an array");
        assertThatThrownBy(() -> KinesisEvents.read(MAPPER.readTree("{\"Records\": [1]}")))
                .hasMessageContaining("Records[0]: not an object");
    }

    private static void assertMalformed(Consumer<ObjectNode> breakIt, String message) {
        ObjectNode event = (ObjectNode) EventFixtures.event("plain-hello-retail").deepCopy();
        breakIt.accept((ObjectNode) event.get("Records").get(1).get("kinesis"));
        assertThatThrownBy(() -> KinesisEvents.read(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static JsonNode withRecord(Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) EventFixtures.event("plain-hello-retail").deepCopy();
        change.accept((ObjectNode) event.get("Records").get(0).get("kinesis"));
        return event;
    }
}
