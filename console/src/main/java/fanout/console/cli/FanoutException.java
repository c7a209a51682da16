package fanout.console.cli;

/**
 * A failure the leader can act on: its message says what was wrong and how to fix it, and it
 * carries the exit code. Services throw it (or a subclass); the one exception handler prints the
 * message without a stack trace.
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
