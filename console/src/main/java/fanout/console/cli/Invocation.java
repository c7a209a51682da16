package fanout.console.cli;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import java.util.Objects;
import picocli.CommandLine.Command;

/**
 * What a command needs from the command line it runs in: the global options and the session. Each
 * command declares one as a {@code @Mixin}; {@link Cli}'s factory creates it, so commands depend on
 * this and not on the root command.
 */
@Command // picocli takes as a mixin only a class it can read as a command; this adds nothing to
// help
public final class Invocation {
    private final SessionScope scope;

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
}
