package fanout.console.cli;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.SessionFactory;
import java.util.Objects;
import java.util.function.Supplier;

/** The one session of a command-line run: opened when a command first asks, closed at the end. */
final class SessionScope {
    private final SessionFactory sessions;
    private final Supplier<GlobalOptions> options;
    private Session session;

    SessionScope(SessionFactory sessions, Supplier<GlobalOptions> options) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.options = Objects.requireNonNull(options, "options");
    }

    GlobalOptions options() {
        return options.get();
    }

    synchronized Session session() {
        if (session == null) {
            session = sessions.open(options());
        }
        return session;
    }

    synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
