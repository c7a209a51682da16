package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What is refused before any check: unverified, stale or replayed requests, and invalid commands.
 */
class SlackRequestVerificationIT extends SlackHandlerFixture {
    @Test
    void aBadSignatureMissingHeadersAndAReplayGet401AndNothingElse() throws Exception {
        String form = hook("U1", ROLE, STREAM).toForm("t1");
        String ts = Long.toString(Clock.systemUTC().instant().getEpochSecond());
        String good = SlackSignature.sign(SigningSecret.of(SECRET), ts, form);
        String bad = SlackSignature.sign(SigningSecret.of("guess"), ts, form);
        for (JsonNode answer :
                List.of(post(form, ts, bad), post(form, null, good), post(form, ts, null))) {
            assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
            assertThat(answer.path("body").asText()).isEmpty();
        }
        assertThat(row("ab12")).isEmpty();
        assertThat(text(post(form, ts, good))).startsWith("Registered ab12");
        JsonNode replay = post(form, ts, good);
        assertThat(replay.path("statusCode").asInt()).isEqualTo(401);
        assertThat(replay.path("body").asText()).isEmpty();
    }

    @Test
    void aStaleButOtherwiseCorrectRequestGets401() throws Exception {
        String form = hook("U1", ROLE, STREAM).toForm("t1");
        String ts = Long.toString(Clock.systemUTC().instant().minusSeconds(400).getEpochSecond());
        JsonNode answer = post(form, ts, SlackSignature.sign(SigningSecret.of(SECRET), ts, form));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(row("ab12")).isEmpty();
    }

    @Test
    void anInvalidRequestIsAnsweredWithItsMessageAndNoCheck() throws Exception {
        checker =
                (s, m) -> {
                    throw new AssertionError("no check for an invalid request");
                };
        assertThat(text(send(hook("U1", ROLE, "arn:aws:kinesis:us-west-2:210987654321:stream/x"))))
                .startsWith("stream name 'x' does not follow the workshop's rule");
    }
}
