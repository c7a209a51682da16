package fanout.console.sandbox;

import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sandbox}: the whole class on this machine, with the live console on it. Quitting the
 * console (or Ctrl-C) stops everything.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        subcommands = {SandboxUpCommand.class, SandboxDownCommand.class},
        description = {
            "Run a whole workshop class on this machine, no AWS account needed: local Kinesis and"
                    + " DynamoDB, simulated student accounts (some broken on purpose), the real"
                    + " forwarder and a steady flow of hello-retail events. Then walk the real steps"
                    + " against it:",
            "  ./fanout --sandbox deploy",
            "  ./fanout --sandbox roster import CLASS.csv --activate",
            "  ./fanout --sandbox hook --starting-position TRIM_HORIZON",
            "Without a subcommand it opens the live console; quitting stops the sandbox."
        })
public final class SandboxCommand implements Callable<Integer> {
    private static final long RETRY_VIEW_MILLIS = 3000;

    @Mixin SandboxOptions options;

    @Mixin Invocation invocation;

    @Override
    public Integer call() throws Exception {
        SandboxDirectory directory = SandboxDirectory.inWorkingDirectory();
        Files.createDirectories(directory.logFile().getParent());
        Clock clock = Clock.systemUTC();
        // The screen belongs to the console view: the sandbox's own log goes to a file.
        try (PrintStream logFile =
                        new PrintStream(
                                new FileOutputStream(directory.logFile().toFile(), true),
                                true,
                                StandardCharsets.UTF_8);
                SandboxHost host =
                        SandboxHost.start(
                                options.settings(invocation.options().workshop()),
                                options.catalog(),
                                directory,
                                clock,
                                new SandboxLog(logFile, clock))) {
            PrintWriter out = invocation.out();
            out.println(host.describe());
            out.println("  log            " + directory.logFile());
            out.flush();
            runView(host, out);
        }
        return ExitCodes.OK;
    }

    /**
     * Runs the full-screen console on the sandbox; without a terminal (or a console in this build),
     * the status watch. A watch that fails at once (nothing deployed yet) is retried, so the
     * sandbox keeps serving the leader's other terminal.
     */
    private void runView(SandboxHost host, PrintWriter out) throws InterruptedException {
        if (System.console() != null
                && Cli.create(options -> null).getSubcommands().containsKey("tui")) {
            // --sandbox here only marks the session for the console (SANDBOX badge, refresh):
            // this command line runs in-process, it is not forwarded.
            Cli.create(host.sessions()).execute("--sandbox", "tui");
            return;
        }
        while (true) {
            int exitCode = Cli.create(host.sessions()).execute("--sandbox", "status", "--watch");
            if (exitCode == ExitCodes.OK) {
                return;
            }
            out.println(
                    "[SANDBOX] waiting for the class: deploy and hook it from another terminal with"
                            + " ./fanout --sandbox ... (Ctrl-C stops the sandbox)");
            out.flush();
            Thread.sleep(RETRY_VIEW_MILLIS);
        }
    }
}
