package fanout.console.tui;

import fanout.console.Session;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Invocation;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fanout tui}: the full-screen console. */
@Command(
        name = "tui",
        mixinStandardHelpOptions = true,
        description = {
            "Open the full-screen console: setup checklist, roster import, handout and live dashboard.",
            "Keys: `:` views, `/` filter, `?` help, esc back, q quit."
        })
public final class TuiCommand implements Callable<Integer> {
    @Option(
            names = "--read-only",
            description = "Hide and refuse every action that changes the installation.")
    boolean readOnly;

    @Option(
            names = "--refresh",
            paramLabel = "SECONDS",
            description =
                    "Dashboard refresh interval (default 20, at least 10: the metrics' 10 s"
                            + " resolution; 5 in the sandbox). The dashboard shows what it costs"
                            + " in GetMetricData.")
    Integer refreshSeconds;

    @Option(
            names = "--view",
            paramLabel = "NAME",
            defaultValue = "connect",
            description =
                    "View to open first: connect, setup, roster, handout, dashboard, log (default: ${DEFAULT-VALUE}).")
    String firstView;

    @Mixin Invocation invocation;

    @Override
    public Integer call() throws IOException {
        // Options are checked before anything else, so a typo fails fast without a terminal.
        options(invocation.options().sandbox());
        if (System.console() == null) {
            throw FanoutException.usage(
                    "tui needs a terminal: run it in a terminal window (or tmux), not a pipe");
        }
        Session session = invocation.session();
        // `fanout sandbox` runs `tui` on a sandbox session without the --sandbox flag.
        ConsoleOptions options = options(session.sandbox());
        return ConsoleApp.run(
                session, ConsoleApp.textTerminal(), options, new PrintStream(System.err, true));
    }

    ConsoleOptions options(boolean sandbox) {
        ConsoleOptions defaults = ConsoleOptions.defaults(sandbox);
        Duration refresh =
                refreshSeconds == null ? defaults.refresh() : Duration.ofSeconds(refreshSeconds);
        if (refresh.compareTo(ConsoleOptions.minimumRefresh(sandbox)) < 0) {
            throw FanoutException.usage(
                    "--refresh must be at least "
                            + ConsoleOptions.minimumRefresh(sandbox).toSeconds()
                            + " seconds (the metrics are read per 10 s and each refresh costs GetMetricData calls)");
        }
        if (!Views.NAMES.contains(firstView)) {
            throw FanoutException.usage(
                    "--view "
                            + firstView
                            + " is not a view; use one of "
                            + String.join(", ", Views.NAMES));
        }
        return new ConsoleOptions(readOnly, sandbox, firstView, refresh);
    }
}
