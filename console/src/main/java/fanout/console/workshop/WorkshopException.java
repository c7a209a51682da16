package fanout.console.workshop;

/** A workshop definition that is missing or malformed. */
public final class WorkshopException extends RuntimeException {
    public WorkshopException(String message) {
        super(message);
    }

    public WorkshopException(String message, Throwable cause) {
        super(message, cause);
    }
}
