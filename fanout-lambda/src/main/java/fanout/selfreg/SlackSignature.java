package fanout.selfreg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing: HMAC-SHA256 with the signing secret over {@code
 * v0:<X-Slack-Request-Timestamp>:<raw body>}, sent as {@code X-Slack-Signature: v0=<hex>}. A
 * timestamp more than five minutes from now is refused, so an old request cannot be replayed once
 * its replay mark has expired.
 */
public final class SlackSignature {
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";
    private static final String ALGORITHM = "HmacSHA256";

    private final SigningSecret secret;
    private final Clock clock;

    public SlackSignature(SigningSecret secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** What a verification found; the reason is for the log only, never for the caller. */
    public sealed interface Verdict {
        record Verified(String signature, Instant timestamp) implements Verdict {}

        record Refused(String reason) implements Verdict {}
    }

    public Verdict verify(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return new Verdict.Refused("missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER);
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return new Verdict.Refused("timestamp is not epoch seconds");
        }
        Duration age = Duration.between(sent, clock.instant()).abs();
        if (age.compareTo(WINDOW) > 0) {
            return new Verdict.Refused("timestamp is " + age.toSeconds() + " s from now");
        }
        byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
        byte[] actual = signature.trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Verdict.Refused("signature does not match");
        }
        return new Verdict.Verified(signature.trim(), sent);
    }

    /** The header value Slack sends for {@code body} at {@code timestamp} (epoch seconds). */
    public static String sign(SigningSecret secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            String base = VERSION + ":" + timestamp + ":" + (body == null ? "" : body);
            return VERSION
                    + "="
                    + HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
