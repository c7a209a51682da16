package fanout.console.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The confirmation of a step that cannot be undone: the person types a word (the function name,
 * "unhook") rather than answering y, so a reflex cannot confirm it.
 */
public final class TypedConfirmation {
    private TypedConfirmation() {}

    /** Prints {@code prompt}, reads one line of standard input: is it {@code word}? */
    public static boolean typed(PrintWriter out, String prompt, String word) {
        out.print(prompt);
        out.flush();
        String answer;
        try {
            answer =
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the confirmation", e);
        }
        return answer != null && answer.trim().equals(word);
    }
}
