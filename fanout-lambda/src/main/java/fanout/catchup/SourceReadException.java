package fanout.catchup;

/**
 * A read of the source that failed. {@link #expired()} when the records asked for are no longer in
 * the stream (past its retention): they can never be read again.
 */
public final class SourceReadException extends RuntimeException {
    private final String code;
    private final boolean expired;

    public SourceReadException(String code, String message, boolean expired, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.expired = expired;
    }

    public String code() {
        return code;
    }

    public boolean expired() {
        return expired;
    }
}
