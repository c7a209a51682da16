package fanout.console.cli;

import fanout.console.problem.AwsAccessException;
import fanout.console.problem.BadInputException;
import fanout.console.problem.FanoutProblem;
import fanout.console.problem.PartlyAppliedException;

/** The console's exit codes, as listed in every command's help. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int AWS = 3;
    public static final int PARTIAL = 4;

    public static final String HELP_SECTION =
            "Exit codes:%n"
                    + "  0  ok%n"
                    + "  1  failure%n"
                    + "  2  usage: a bad option, argument or input file%n"
                    + "  3  AWS access or configuration (credentials, permissions, missing resources)%n"
                    + "  4  partial: some rows or items were rejected, the rest applied%n";

    private ExitCodes() {}

    /** The one place a kind of problem becomes an exit code. */
    public static int of(FanoutProblem problem) {
        if (problem instanceof BadInputException) {
            return USAGE;
        }
        if (problem instanceof AwsAccessException) {
            return AWS;
        }
        if (problem instanceof PartlyAppliedException) {
            return PARTIAL;
        }
        return FAILURE;
    }
}
