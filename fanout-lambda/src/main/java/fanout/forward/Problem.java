package fanout.forward;

import java.util.Objects;

/** An error worth showing as a target's last error: a short code and a one-line message. */
public record Problem(String code, String message) {
    public Problem {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(message, "message is required");
    }
}
