package fanout.console.tui.service;

import fanout.console.aws.AwsErrors;
import fanout.console.tui.Problem;

/** Explains a failed call for the views the way the CLI does: AWS error code, reason and fix. */
public final class ServiceProblems {
    private ServiceProblems() {}

    public static Problem explain(Throwable error) {
        return new Problem(
                AwsErrors.reason(error),
                AwsErrors.hint(error),
                AwsErrors.code(error),
                String.valueOf(error.getMessage()));
    }
}
