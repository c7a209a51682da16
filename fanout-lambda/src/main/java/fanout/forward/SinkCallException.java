package fanout.forward;

import java.util.Objects;

/**
 * A whole batch call failed. Permanent failures (stream not found, KMS, validation) make the
 * destination give up this batch; {@link #later()} ones (a role that cannot be assumed yet, STS
 * region disabled) stop this destination for this invocation but keep its records owed, since the
 * student may fix it and the records must still reach them; the others are retried with backoff.
 */
public final class SinkCallException extends RuntimeException {
    /** What the destination does about the failure. */
    public enum Kind {
        /** Retried with backoff. */
        RETRYABLE,
        /** Retried with backoff, and counted as throttling. */
        THROTTLED,
        /** This batch is given up: sending again cannot help. */
        PERMANENT,
        /** Not now: the records stay owed, but retrying within this invocation cannot help. */
        LATER
    }

    private final String code;
    private final Kind kind;

    private SinkCallException(String code, String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.kind = Objects.requireNonNull(kind, "kind is required");
    }

    /** Worth retrying with backoff (a network error, a 5xx, an expired session). */
    public static SinkCallException retryable(String code, String message, Throwable cause) {
        return new SinkCallException(code, message, Kind.RETRYABLE, cause);
    }

    /** Throttled: retried with backoff and counted as throttling. */
    public static SinkCallException throttled(String code, String message, Throwable cause) {
        return new SinkCallException(code, message, Kind.THROTTLED, cause);
    }

    /** Sending this batch again cannot help (stream not found, access denied, validation). */
    public static SinkCallException permanent(String code, String message, Throwable cause) {
        return new SinkCallException(code, message, Kind.PERMANENT, cause);
    }

    /** Not now: the records stay owed, but retrying within this invocation cannot help. */
    public static SinkCallException later(String code, String message, Throwable cause) {
        return new SinkCallException(code, message, Kind.LATER, cause);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    public boolean throttled() {
        return kind == Kind.THROTTLED;
    }

    public boolean later() {
        return kind == Kind.LATER;
    }
}
