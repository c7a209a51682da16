package fanout.console.cli;

/**
 * A failure a command (the edge) reports with its exit code: the message says what was wrong and
 * how to fix it; the one exception handler prints it without a stack trace. Services below the
 * commands throw a {@link fanout.console.problem.FanoutProblem} instead, and {@link ExitCodes#of}
 * picks its code.
 */
public class FanoutException extends RuntimeException {
    private final int exitCode;

    public FanoutException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public FanoutException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static FanoutException usage(String message) {
        return new FanoutException(ExitCodes.USAGE, message);
    }

    public static FanoutException aws(String message, Throwable cause) {
        return new FanoutException(ExitCodes.AWS, message, cause);
    }

    public static FanoutException partial(String message) {
        return new FanoutException(ExitCodes.PARTIAL, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
