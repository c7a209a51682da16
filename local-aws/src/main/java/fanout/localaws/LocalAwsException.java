package fanout.localaws;

/** The local servers could not be started; the message says why and what to do. */
public final class LocalAwsException extends RuntimeException {
    public LocalAwsException(String message) {
        super(message);
    }

    public LocalAwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
