package fanout.forward;

/**
 * A whole batch call failed. Permanent failures (stream not found, KMS, validation) make the
 * destination give up this batch; {@link #later()} ones (a role that cannot be assumed yet, STS
 * region disabled) stop this destination for this invocation but keep its records owed, since the
 * student may fix it and the records must still reach them; the others are retried with backoff.
 */
public final class SinkCallException extends RuntimeException {
    private final String code;
    private final boolean permanent;
    private final boolean throttled;
    private final boolean later;

    public SinkCallException(
            String code, String message, boolean permanent, boolean throttled, Throwable cause) {
        this(code, message, permanent, throttled, false, cause);
    }

    private SinkCallException(
            String code,
            String message,
            boolean permanent,
            boolean throttled,
            boolean later,
            Throwable cause) {
        super(message, cause);
        this.code = code;
        this.permanent = permanent;
        this.throttled = throttled;
        this.later = later;
    }

    /** Not now: the records stay owed, but retrying within this invocation cannot help. */
    public static SinkCallException later(String code, String message, Throwable cause) {
        return new SinkCallException(code, message, false, false, true, cause);
    }

    public String code() {
        return code;
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean throttled() {
        return throttled;
    }

    public boolean later() {
        return later;
    }
}
