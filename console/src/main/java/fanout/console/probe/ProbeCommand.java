package fanout.console.probe;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.Verb;
import fanout.console.session.SessionLog;
import fanout.console.status.DurationConverter;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code probe}: a tagged record through the fan-out, and each student's round trip. */
@Command(
        name = "probe",
        description = {
            "Write one tagged record (the workshop's probeTemplate) to the source and wait until"
                    + " the forwarder acknowledges each student's delivery: shows every student's"
                    + " round trip in seconds, and who did not get it and why.",
            "Your identity needs kinesis:PutRecord on the source stream and dynamodb:Query on the"
                    + " state table. Exit code 4 when some student did not get it."
        })
public final class ProbeCommand extends Verb implements Callable<Integer> {
    static final List<String> HEADERS = List.of("ID", "DELIVERED", "ROUND TRIP", "ERROR");
    static final List<String> CSV_HEADERS = List.of("id", "delivered", "roundTripMs", "error");

    @Option(
            names = "--ids",
            split = ",",
            paramLabel = "ID",
            description = "Only these students (default: every registered one).")
    List<String> ids = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for acknowledgements (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Test hook: how the wait between reads passes. */
    Sleeper sleeper = Sleeper.SYSTEM;

    @Override
    public Integer call() {
        Session session = invocation.session();
        if (timeout.isZero() || timeout.isNegative()) {
            throw fanout.console.cli.FanoutException.usage("--timeout must be positive");
        }
        ProbeRun run = new ProbeService(session, sleeper).probe(ids, timeout, progress -> {});
        List<ProbeResult> results = run.results(true);
        SessionLog.of(session, run.sourceArn()).probe(run, results);
        print(invocation.out(), session.options().output(), run, results);
        return results.stream().allMatch(ProbeResult::delivered) ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    static void print(
            PrintWriter out, OutputFormat format, ProbeRun run, List<ProbeResult> results) {
        if (format == OutputFormat.json) {
            Output.json(out, results);
            return;
        }
        if (format == OutputFormat.csv) {
            Output.csv(out, CSV_HEADERS, results.stream().map(ProbeCommand::csvRow).toList());
            return;
        }
        out.println(run.summary());
        Output.table(out, HEADERS, results.stream().map(ProbeCommand::tableRow).toList());
        out.flush();
    }

    private static List<String> tableRow(ProbeResult result) {
        return List.of(
                result.id(),
                result.delivered() ? "yes" : "NO",
                result.roundTripMs() == null ? "-" : seconds(result.roundTripMs()),
                result.error() == null ? "" : result.error());
    }

    /** Raw values for a spreadsheet: the round trip in milliseconds, empty when none. */
    private static List<String> csvRow(ProbeResult result) {
        return List.of(
                result.id(),
                Boolean.toString(result.delivered()),
                result.roundTripMs() == null ? "" : result.roundTripMs().toString(),
                result.error() == null ? "" : result.error());
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
