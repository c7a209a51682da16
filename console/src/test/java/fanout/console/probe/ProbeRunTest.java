package fanout.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fanout.state.LastError;
import fanout.state.ProbeAck;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeRunTest {
    static final Instant SENT = Instant.parse("2026-11-25T10:00:00Z");
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    static ProbeRun run(Map<String, ProbeAck> acks, Map<String, LastError> errors) {
        return new ProbeRun(
                "p7",
                SOURCE,
                SENT,
                Duration.ofSeconds(60),
                List.of("ab12", "cd34", "ef56"),
                List.of("zz99"),
                acks,
                errors);
    }

    @Test
    void eachStudentHasARoundTripOrTheReasonTheyDidNotGetIt() {
        ProbeRun run =
                run(
                        Map.of("ab12", new ProbeAck("p7", "ab12", SENT.plusMillis(1450))),
                        Map.of(
                                "cd34",
                                new LastError(
                                        SOURCE,
                                        "cd34",
                                        "Stream cd34Stream not found",
                                        "ResourceNotFoundException",
                                        SENT.plusSeconds(2))));
        assertThat(run.results(true))
                .containsExactly(
                        new ProbeResult("ab12", true, 1450L, null),
                        new ProbeResult(
                                "cd34",
                                false,
                                null,
                                "ResourceNotFoundException: Stream cd34Stream not found"),
                        new ProbeResult("ef56", false, null, "no acknowledgement within 60 s"),
                        new ProbeResult("zz99", false, null, "inactive: activate it first"));
        assertThat(run.complete()).isFalse();
        assertThat(run.delivered()).isEqualTo(1);
    }

    @Test
    void whileWaitingAStudentWithoutAnAckIsWaitingNotFailed() {
        assertThat(run(Map.of(), Map.of()).results(false).get(0).error()).isEqualTo("waiting");
    }

    @Test
    void anErrorFromLongBeforeTheProbeIsNotTheReason() {
        ProbeRun run =
                run(
                        Map.of(),
                        Map.of(
                                "ab12",
                                new LastError(
                                        SOURCE, "ab12", "old", "X", SENT.minusSeconds(3600))));
        assertThat(run.results(true).get(0).error()).isEqualTo("no acknowledgement within 60 s");
    }

    @Test
    void jsonOutputIsTheContractsListShape() throws Exception {
        ProbeRun run =
                run(Map.of("ab12", new ProbeAck("p7", "ab12", SENT.plusMillis(900))), Map.of());
        StringWriter out = new StringWriter();
        ProbeCommand.print(
                new java.io.PrintWriter(out),
                fanout.console.cli.OutputFormat.json,
                run,
                run.results(true));
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("id").asText()).isEqualTo("ab12");
        assertThat(json.get(0).get("delivered").asBoolean()).isTrue();
        assertThat(json.get(0).get("roundTripMs").asLong()).isEqualTo(900);
        assertThat(json.get(0).get("error").isNull()).isTrue();
        assertThat(json.get(1).get("delivered").asBoolean()).isFalse();
        assertThat(json.get(1).get("roundTripMs").isNull()).isTrue();
    }

    @Test
    void thePayloadIsTheWorkshopsTemplateWithTheProbeIdAndTimeFilledIn() throws Exception {
        JsonNode template =
                JsonMapper.builder()
                        .build()
                        .readTree(
                                "{\"schema\":\"s\",\"origin\":\"x/fanout-probe/{probeId}\","
                                        + "\"timeOrigin\":\"{now}\",\"data\":{\"id\":\"probe-{probeId}\","
                                        + "\"tags\":[\"{probeId}\"],\"n\":3}}");
        JsonNode payload =
                JsonMapper.builder()
                        .build()
                        .readTree(
                                new String(
                                        ProbeRecord.payload(template, "p7", SENT),
                                        StandardCharsets.UTF_8));
        assertThat(payload.get("origin").asText()).isEqualTo("x/fanout-probe/p7");
        assertThat(payload.get("timeOrigin").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(payload.get("data").get("id").asText()).isEqualTo("probe-p7");
        assertThat(payload.get("data").get("tags").get(0).asText()).isEqualTo("p7");
        assertThat(payload.get("data").get("n").asInt()).isEqualTo(3);
        assertThat(template.get("origin").asText())
                .as("the template is not changed")
                .contains("{probeId}");
    }

    @Test
    void theTagIsInThePartitionKeySoTheForwarderNeedNotReadThePayload() {
        assertThat(ProbeAck.probeIdOf(ProbeAck.partitionKeyOf("p7"))).isEqualTo("p7");
        assertThat(ProbeAck.probeIdOf("key1")).isNull();
        assertThat(ProbeAck.probeIdOf("fanout-probe:")).isNull();
    }
}
