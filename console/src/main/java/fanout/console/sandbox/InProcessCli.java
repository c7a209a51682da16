package fanout.console.sandbox;

import fanout.console.SessionFactory;
import fanout.console.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Runs console commands inside the sandbox process, against its in-process services: what {@code
 * ./fanout --sandbox VERB ...} ends up calling. One command at a time, like a leader at a terminal.
 */
public final class InProcessCli implements CommandRunner {
    private final SessionFactory sessions;

    public InProcessCli(SessionFactory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public synchronized Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Cli.create(sessions);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return new Result(exitCode, out.toString(), err.toString());
    }
}
