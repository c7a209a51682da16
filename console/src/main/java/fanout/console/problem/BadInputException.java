package fanout.console.problem;

/** A bad option, argument or input file; the message names it (flag, CSV line, ARN part). */
public final class BadInputException extends FanoutProblem {
    public BadInputException(String message) {
        super(message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
