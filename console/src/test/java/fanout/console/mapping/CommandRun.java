package fanout.console.mapping;

import fanout.console.SessionFactory;
import fanout.console.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One command line run through picocli with captured output. */
public record CommandRun(int exitCode, String out, String err) {
    public static CommandRun of(SessionFactory sessions, String... args) {
        CommandLine cli = Cli.create(sessions);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
