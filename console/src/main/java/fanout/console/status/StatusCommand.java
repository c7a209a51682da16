package fanout.console.status;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.HookedSourceOption;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code status}: per-destination forwarding state from CloudWatch and the state table. */
@Command(
        name = "status",
        description = {
            "Show, per destination, whether the class receives data: state, delivered, failed,"
                    + " throttled, rejected, lag, last delivery and last error over a window.",
            "States, worst first: ERROR, LAG, WAITING, OK, IDLE, INACTIVE."
        })
public final class StatusCommand extends Verb implements Callable<Integer> {

    @Mixin HookedSourceOption source;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description =
                    "Window the counts cover, whole minutes up to now, at least 2m, e.g. 5m, 1h,"
                            + " 20d (default: ${DEFAULT-VALUE});"
                            + " past 15 days CloudWatch has 5-minute data, past 63 days hourly,"
                            + " and none past 455 days.")
    Duration since;

    @Option(names = "--watch", description = "Refresh every --interval until Ctrl-C.")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "20s",
            converter = DurationConverter.class,
            description =
                    "Refresh interval with --watch (default: ${DEFAULT-VALUE}, at least 10s: the"
                            + " metrics are read per 10 s). Its GetMetricData cost is printed"
                            + " first, on standard error.")
    Duration interval;

    /** The metrics' finest period on AWS: watching faster only costs more. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(MetricPeriods.RECENT_PERIOD_SECONDS);

    @Option(
            names = "--lag-threshold",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Lag above which a destination is LAG (default: ${DEFAULT-VALUE}).")
    Duration lagThreshold;

    /** How the rows are ordered. */
    public enum Sort {
        worst,
        stuck,
        id
    }

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            defaultValue = "worst",
            description =
                    "Row order: worst (state, default), stuck (longest not OK first, grouped by"
                            + " helper: the next desk to visit), id.")
    Sort sort;

    /** Test hook: how the watch loop waits. */
    Sleeper sleeper = Sleeper.SYSTEM;

    /** Test hook: stop the watch loop after this many refreshes (0 = until interrupted). */
    int maxRefreshes;

    @Override
    public Integer call() {
        Session session = invocation.session();
        OutputFormat format = session.options().output();
        StatusService service = new StatusService(session, lagThreshold).withSleeper(sleeper);
        PrintWriter out = invocation.out();
        Optional<String> sourceArn = source.arn();
        String note = MetricPeriods.note(since);
        if (!note.isEmpty()) {
            invocation.err().println(note);
            invocation.err().flush();
        }
        since = MetricPeriods.cap(since);
        if (!watch) {
            StatusSnapshot snapshot = sorted(service.snapshot(sourceArn, since));
            logged(session, snapshot);
            print(out, format, snapshot, false);
            return exitCode(snapshot);
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 && !session.sandbox()) {
            throw fanout.console.cli.FanoutException.usage(
                    "--interval must be at least "
                            + MIN_INTERVAL.toSeconds()
                            + "s: the metrics are read per "
                            + MIN_INTERVAL.toSeconds()
                            + " s and each refresh costs GetMetricData calls");
        }
        return watch(session, service, sourceArn, format, out);
    }

    /** What watching costs, said once the class's size is known (standard error). */
    private void sayCost(Session session, StatusSnapshot snapshot) {
        double perHour = StatusCost.usdPerHour(snapshot.metricsPerRefresh(), interval);
        invocation
                .err()
                .println(
                        String.format(
                                java.util.Locale.ROOT,
                                "watching every %d s: %d metrics per refresh, GetMetricData ~$%.3f"
                                        + "/h (~$%.0f/month if left running)%s",
                                interval.toSeconds(),
                                snapshot.metricsPerRefresh(),
                                perHour,
                                perHour * 730,
                                session.sandbox() ? " on AWS, free in the sandbox" : ""));
        invocation.err().flush();
    }

    private int watch(
            Session session,
            StatusService service,
            Optional<String> source,
            OutputFormat format,
            PrintWriter out) {
        try (InterruptWatch interrupts = new InterruptWatch(Thread.currentThread())) {
            int refreshes = 0;
            while (!interrupts.interrupted()) {
                StatusSnapshot snapshot;
                try {
                    snapshot = sorted(service.snapshot(source, since));
                } catch (RuntimeException e) {
                    if (interrupts.interrupted()) {
                        // Ctrl-C during a refresh aborts its AWS call; that is the end, not a
                        // failure.
                        break;
                    }
                    throw e;
                }
                logged(session, snapshot);
                if (refreshes == 0) {
                    sayCost(session, snapshot);
                }
                print(out, format, snapshot, true);
                refreshes++;
                if (maxRefreshes > 0 && refreshes >= maxRefreshes) {
                    return exitCode(snapshot);
                }
                try {
                    sleeper.sleep(interval);
                } catch (InterruptedException e) {
                    // Ctrl-C: the watch ends normally; status is informational, so exit 0.
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Thread.interrupted();
            return ExitCodes.OK;
        }
    }

    /** Every state change goes to the class's session log; a log that cannot be written is said. */
    private void logged(Session session, StatusSnapshot snapshot) {
        try {
            fanout.console.session.SessionLog.of(session, snapshot.source()).observe(snapshot);
        } catch (java.io.UncheckedIOException e) {
            invocation.err().println("session log not written: " + e.getCause().getMessage());
        }
    }

    private StatusSnapshot sorted(StatusSnapshot snapshot) {
        if (sort == null || sort == Sort.worst) {
            return snapshot;
        }
        java.util.List<DestinationStatus> rows =
                sort == Sort.stuck
                        ? StuckOrder.sort(snapshot.destinations())
                        : snapshot.destinations().stream()
                                .sorted(java.util.Comparator.comparing(DestinationStatus::id))
                                .toList();
        return snapshot.withDestinations(rows);
    }

    private static void print(
            PrintWriter out, OutputFormat format, StatusSnapshot snapshot, boolean watching) {
        if (format == OutputFormat.json) {
            if (watching) {
                Output.jsonLine(out, snapshot);
            } else {
                Output.json(out, snapshot);
            }
        } else if (format == OutputFormat.csv) {
            StatusText.csv(out, snapshot);
        } else {
            StatusText.text(out, snapshot);
            if (watching) {
                out.println();
                out.flush();
            }
        }
    }

    /** Status is informational (0), except when the installation itself is missing (3). */
    static int exitCode(StatusSnapshot snapshot) {
        return snapshot.missing().isEmpty() ? ExitCodes.OK : ExitCodes.AWS;
    }
}
