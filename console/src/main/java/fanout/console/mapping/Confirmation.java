package fanout.console.mapping;

import fanout.console.problem.BadInputException;
import java.io.Console;
import java.io.PrintWriter;

/**
 * Asks before a destructive step, only when a person can answer: with standard input not a terminal
 * it never waits, and without {@code --yes} it refuses.
 */
public final class Confirmation {
    private Confirmation() {}

    /** True to go ahead; false when the person answered no. */
    public static boolean confirm(PrintWriter out, boolean yes, String question) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            throw new BadInputException(
                    question + ": pass --yes to confirm (standard input is not a terminal)");
        }
        out.print(question + " [y/N] ");
        out.flush();
        String answer = console.readLine();
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
