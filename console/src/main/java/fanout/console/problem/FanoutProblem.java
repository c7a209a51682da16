package fanout.console.problem;

/**
 * A failure the leader can act on: its message says what was wrong and how to fix it. The kind says
 * what went wrong; the command line chooses the exit code from it and prints the message without a
 * stack trace.
 */
public abstract sealed class FanoutProblem extends RuntimeException
        permits BadInputException,
                AwsAccessException,
                PartlyAppliedException,
                OperationFailedException {

    FanoutProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
