package fanout.console.cli;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What a command needs from the command line it runs in: the global options, the session and where
 * to print. Each command declares one as a {@code @Mixin}; {@link Cli}'s factory creates it, so
 * commands depend on this and not on the root command.
 */
@Command // picocli takes as a mixin only a class it can read as a command; this adds nothing to
// help
public final class Invocation {
    private final SessionScope scope;

    /** The command this is mixed into, so its output goes where picocli's (or a test's) does. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Invocation(SessionScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    public GlobalOptions options() {
        return scope.options();
    }

    /** The session for this command line, opened on first use and closed by {@link Cli}. */
    public Session session() {
        return scope.session();
    }

    /** The command's standard output. */
    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** The command's standard error. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The {@code --output} format the session runs with. */
    public OutputFormat format() {
        return session().options().output();
    }

    /** Progress lines while a command waits on AWS: indented and shown at once. */
    public Consumer<String> progress() {
        return message -> {
            PrintWriter out = out();
            out.println("  " + message);
            out.flush();
        };
    }

    /**
     * Prints {@code result} as JSON with {@code --output json}, else lets {@code text} print it;
     * the one place commands choose between the two.
     */
    public void print(Object result, Consumer<PrintWriter> text) {
        PrintWriter out = out();
        if (format() == OutputFormat.json) {
            Output.json(out, result);
            return;
        }
        text.accept(out);
        out.flush();
    }
}
