package fanout.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HelloRetailTransformTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T17:00:00Z");

    private final RecordTransform transform =
            RecordTransform.named("hello-retail", Clock.fixed(NOW, ZoneOffset.UTC));
    private final SourceRecord source = EventFixtures.records("plain-hello-retail").get(0);

    @Test
    void addsTheEgressFieldsAndKeepsEveryOtherField() throws Exception {
        JsonNode before = MAPPER.readTree(source.data());

        JsonNode after = MAPPER.readTree(transformed(source.data()));

        assertThat(after.get("schema").asText())
                .isEqualTo("com.nordstrom/retail-stream-egress/1-0-0");
        assertThat(after.get("eventId").asText()).isEqualTo(source.eventId());
        assertThat(after.get("eventId").asText()).startsWith("shardId-000000000000:4965912739");
        assertThat(after.get("timeIngest").asText()).isEqualTo("2025-11-25T16:37:13.125Z");
        assertThat(after.get("timeProcess").asText()).isEqualTo("2026-11-25T17:00:00.000Z");
        assertThat(after.get("origin")).isEqualTo(before.get("origin"));
        assertThat(after.get("timeOrigin")).isEqualTo(before.get("timeOrigin"));
        assertThat(after.get("data")).isEqualTo(before.get("data"));
        assertThat(after.size()).isEqualTo(before.size() + 3); // schema replaced, three added
    }

    @Test
    void keepsTheProducersNumbersAsWritten() {
        String payload = "{\"price\":12.10,\"exact\":1234567890.12345678901234567890,\"count\":3}";

        String after =
                new String(
                        transformed(payload.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);

        assertThat(after)
                .startsWith(
                        "{\"price\":12.10,\"exact\":1234567890.12345678901234567890,\"count\":3,");
    }

    @Test
    void takesTimeProcessFromTheClockAtTransformTime() throws Exception {
        Clock later = Clock.fixed(NOW.plusMillis(1234), ZoneOffset.UTC);

        JsonNode after =
                MAPPER.readTree(
                        ((RecordTransform.Transformed)
                                        RecordTransform.named("hello-retail", later)
                                                .apply(source, source.data()))
                                .data());

        assertThat(after.get("timeProcess").asText()).isEqualTo("2026-11-25T17:00:01.234Z");
    }

    @Test
    void aPayloadThatIsNotJsonIsUnsendableWithASanitizedPreview() {
        byte[] payload =
                "product 7749366 created\tby legacy-producer\n(not JSON)"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(transform.apply(source, payload))
                .isEqualTo(
                        new RecordTransform.Unsendable(
                                "payload is not JSON (hello-retail transform): "
                                        + "'product 7749366 created?by legacy-produc...'"));
    }

    @Test
    void jsonThatIsNotAnObjectIsUnsendable() {
        assertThat(reason("[1, 2, 3]"))
                .isEqualTo("payload is not a JSON object (hello-retail transform): '[1, 2, 3]'");
        assertThat(reason("42")).startsWith("payload is not a JSON object");
    }

    @Test
    void anObjectFollowedByGarbageIsNotJson() {
        assertThat(reason("{\"a\": 1} trailing"))
                .startsWith("payload is not JSON (hello-retail transform)");
    }

    @Test
    void binaryAndEmptyPayloadsGetPrintableReasons() {
        byte[] binary = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2, 0x0A, 0x00, 0x41};

        String reason = ((RecordTransform.Unsendable) transform.apply(source, binary)).reason();

        assertThat(reason).startsWith("payload is not JSON (hello-retail transform): '");
        assertThat(reason).matches("\\p{Print}+");
        assertThat(reason("")).isEqualTo("payload is not JSON (hello-retail transform): (empty)");
    }

    @Test
    void noneSendsTheSameBytes() {
        RecordTransform none = RecordTransform.named("none", Clock.systemUTC());

        RecordTransform.Result result = none.apply(source, source.data());

        assertThat(((RecordTransform.Transformed) result).data()).isSameAs(source.data());
        assertThat(none.name()).isEqualTo("none");
    }

    @Test
    void anUnknownTransformNameNamesTheVariableAndTheKnownNames() {
        assertThatThrownBy(() -> RecordTransform.named("x", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FANOUT_TRANSFORM: unknown transform 'x' (known: none, hello-retail)");
    }

    private byte[] transformed(byte[] payload) {
        RecordTransform.Result result = transform.apply(source, payload);
        assertThat(result).isInstanceOf(RecordTransform.Transformed.class);
        return ((RecordTransform.Transformed) result).data();
    }

    private String reason(String payload) {
        RecordTransform.Result result =
                transform.apply(source, payload.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(RecordTransform.Unsendable.class);
        return ((RecordTransform.Unsendable) result).reason();
    }
}
