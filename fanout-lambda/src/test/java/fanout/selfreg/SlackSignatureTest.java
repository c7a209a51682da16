package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.selfreg.SlackSignature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final SigningSecret SECRET =
            SigningSecret.of("8f742231b10e8888abcd99yyyzzz85a5");
    private static final String BODY = "command=%2Fhook-stream&text=a+b";

    private final SlackSignature signature =
            new SlackSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String at(Instant time) {
        return Long.toString(time.getEpochSecond());
    }

    @Test
    void aRequestSignedWithTheSecretWithinFiveMinutesIsVerified() {
        String ts = at(NOW.minusSeconds(299));
        Verdict verdict = signature.verify(ts, SlackSignature.sign(SECRET, ts, BODY), BODY);
        assertThat(verdict).isInstanceOf(Verdict.Verified.class);
    }

    @Test
    void theSignatureIsHexHmacSha256OverVersionTimestampAndBody() {
        // Slack's documented example: secret, timestamp and body give this exact signature.
        String body =
                "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertThat(SlackSignature.sign(SECRET, "1531420618", body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String ts = at(NOW);
        String forged = SlackSignature.sign(SigningSecret.of("not-the-secret"), ts, BODY);
        assertThat(signature.verify(ts, forged, BODY)).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String ts = at(NOW);
        String signed = SlackSignature.sign(SECRET, ts, BODY);
        assertThat(signature.verify(ts, signed, BODY + "x")).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void aTimestampMoreThanFiveMinutesOldOrAheadIsRefusedEvenWhenCorrectlySigned() {
        String old = at(NOW.minusSeconds(301));
        String ahead = at(NOW.plusSeconds(301));
        assertThat(signature.verify(old, SlackSignature.sign(SECRET, old, BODY), BODY))
                .isEqualTo(new Verdict.Refused("timestamp is 301 s from now"));
        assertThat(signature.verify(ahead, SlackSignature.sign(SECRET, ahead, BODY), BODY))
                .isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void missingHeadersAndATimestampThatIsNotANumberAreRefused() {
        String ts = at(NOW);
        String signed = SlackSignature.sign(SECRET, ts, BODY);
        assertThat(signature.verify(null, signed, BODY)).isInstanceOf(Verdict.Refused.class);
        assertThat(signature.verify(ts, null, BODY)).isInstanceOf(Verdict.Refused.class);
        assertThat(signature.verify("yesterday", signed, BODY))
                .isEqualTo(new Verdict.Refused("timestamp is not epoch seconds"));
    }

    @Test
    void theSecretNeverShowsInText() {
        assertThat(SECRET.toString()).doesNotContain("8f742231").contains("redacted");
    }
}
