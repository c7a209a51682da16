package fanout.console.problem;

/** The operation did not happen, for a reason that is neither the input nor AWS access. */
public non-sealed class OperationFailedException extends FanoutProblem {
    public OperationFailedException(String message) {
        super(message, null);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
