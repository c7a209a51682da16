package fanout.mapping;

/** An ARN that is malformed; the message names the part that is wrong. */
public final class InvalidArnException extends IllegalArgumentException {
    public InvalidArnException(String message) {
        super(message);
    }
}
