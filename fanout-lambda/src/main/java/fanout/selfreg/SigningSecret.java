package fanout.selfreg;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Slack's signing secret. Never printed: {@link #toString()} says only that it is redacted. */
public final class SigningSecret {
    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key;
    }

    public static SigningSecret of(String secret) {
        Objects.requireNonNull(secret, "the signing secret is required");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        return new SigningSecret(secret.trim().getBytes(StandardCharsets.UTF_8));
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
