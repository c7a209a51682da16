package fanout.control;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the wire format the console and the self-registration function send. */
class ControlRequestsTest {
    private static final String SOURCE = "arn:aws:kinesis:eu-west-1:111122223333:stream/class";

    @Test
    void aCheckNamesItsActionSourceAndIds() {
        assertThat(ControlRequests.check(SOURCE, List.of("ada", "bob")).toString())
                .isEqualTo(
                        "{\"action\":\"check\",\"sourceArn\":\""
                                + SOURCE
                                + "\",\"ids\":[\"ada\",\"bob\"]}");
    }

    @Test
    void aCandidateCheckCarriesTheRowAsGiven() {
        Mapping candidate =
                Mapping.kinesis(SOURCE, "ada", "ada-stream")
                        .withRole("arn:aws:iam::444455556666:role/w", null)
                        .withRegion("eu-west-1");

        assertThat(ControlRequests.checkCandidate(SOURCE, candidate).toString())
                .isEqualTo(
                        "{\"action\":\"check\",\"sourceArn\":\""
                                + SOURCE
                                + "\",\"candidates\":[{\"id\":\"ada\",\"destination\":\"ada-stream\","
                                + "\"role\":\"arn:aws:iam::444455556666:role/w\",\"region\":\"eu-west-1\"}]}");
    }

    @Test
    void cursorMovesNameTheTargetAndWhereTo() {
        assertThat(ControlRequests.drain(SOURCE).toString())
                .isEqualTo("{\"action\":\"drain\",\"sourceArn\":\"" + SOURCE + "\"}");
        assertThat(ControlRequests.skip(SOURCE, "ada").toString())
                .endsWith("\"id\":\"ada\",\"to\":\"latest\"}");
        assertThat(
                        ControlRequests.replay(SOURCE, "ada", Instant.parse("2026-11-25T09:00:00Z"))
                                .toString())
                .startsWith("{\"action\":\"replay\"")
                .endsWith("\"id\":\"ada\",\"since\":\"2026-11-25T09:00:00Z\"}");
    }

    @Test
    void everyRequestIsAControlInvocation() {
        assertThat(ControlInvocations.isControl(ControlRequests.drain(SOURCE))).isTrue();
        assertThat(ControlInvocations.isControl(ControlRequests.check(SOURCE, List.of()))).isTrue();
    }
}
