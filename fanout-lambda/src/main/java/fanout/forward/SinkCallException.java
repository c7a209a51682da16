package fanout.forward;

/**
 * A whole batch call failed. Permanent failures (access denied, stream not found, KMS, validation)
 * make the destination give up this batch; the others are retried with backoff.
 */
public final class SinkCallException extends RuntimeException {
    private final String code;
    private final boolean permanent;
    private final boolean throttled;

    public SinkCallException(
            String code, String message, boolean permanent, boolean throttled, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.permanent = permanent;
        this.throttled = throttled;
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
}
