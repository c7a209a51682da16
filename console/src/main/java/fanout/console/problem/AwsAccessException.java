package fanout.console.problem;

/**
 * AWS refused or could not be reached: credentials, permissions, a missing resource, a throttle
 * that outlasted the retries. The message carries the fix.
 */
public final class AwsAccessException extends FanoutProblem {
    public AwsAccessException(String message) {
        super(message, null);
    }

    public AwsAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
