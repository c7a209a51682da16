package fanout.console.hook;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.SourceOptions;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hook}: the function starts reading the source stream. */
@Command(
        name = "hook",
        description = {
            "Hook the function to the source stream: grant its role read access to that stream"
                    + " (inline policy <function>-read-<stream>), wait until the grant works, then"
                    + " create the event source mapping (ReportBatchItemFailures).",
            "An existing hook is reported, not duplicated, and its settings checked"
                    + " (ReportBatchItemFailures, ParallelizationFactor 1, MaximumRetryAttempts -1,"
                    + " BisectBatchOnFunctionError false, MaximumRecordAgeInSeconds -1): when they"
                    + " differ it says how and exits 1; --repair updates the mapping in place.",
            "Hook after the class is registered and activated, so that TRIM_HORIZON delivers the"
                    + " whole stream to everyone."
        })
public final class HookCommand extends Verb implements Runnable {
    @Mixin SourceOptions source;

    @Option(
            names = "--starting-position",
            paramLabel = "POSITION",
            description = "TRIM_HORIZON, LATEST or AT_TIMESTAMP (default: the workshop's).")
    String startingPosition;

    @Option(
            names = "--starting-position-timestamp",
            paramLabel = "ISO-8601",
            description = "With AT_TIMESTAMP: where to start, e.g. 2026-11-25T09:00:00Z.")
    String timestamp;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "" + HookRequest.DEFAULT_BATCH_SIZE,
            description = "Records per invocation (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--batch-window",
            paramLabel = "SECONDS",
            defaultValue = "" + HookRequest.DEFAULT_BATCH_WINDOW_SECONDS,
            description = "Seconds to gather records before invoking (default: ${DEFAULT-VALUE}).")
    int batchWindow;

    @Option(
            names = "--active",
            paramLabel = "BOOLEAN",
            defaultValue = "true",
            arity = "1",
            description = "Start the hook enabled (default: ${DEFAULT-VALUE}).")
    boolean active;

    @Option(
            names = "--repair",
            description =
                    "Update an existing hook whose settings differ from what the forwarder needs,"
                            + " in place (UpdateEventSourceMapping).")
    boolean repair;

    /** Replaced by tests (which record the waits instead of sleeping) and by the sandbox. */
    public Sleeper sleeper = Sleeper.SYSTEM;

    @Override
    public void run() {
        Session session = invocation.session();
        String sourceArn = source.resolve(session);
        HookRequest request =
                new HookRequest(
                        session.functionName(),
                        sourceArn,
                        startingPosition == null
                                ? session.workshop().startingPosition()
                                : startingPosition,
                        Optional.ofNullable(timestamp).map(HookCommand::instant),
                        batchSize,
                        batchWindow,
                        active);
        PrintWriter out = invocation.out();
        boolean json = session.options().output() == OutputFormat.json;
        HookOutcome outcome =
                new HookService(session.aws(), sleeper)
                        .hook(request, repair, json ? message -> {} : invocation.progress());
        boolean created = outcome instanceof HookOutcome.Hooked;
        List<String> differences = differences(outcome);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("created", created);
            result.put("hook", outcome.hook());
            result.put("repaired", outcome instanceof HookOutcome.Repaired);
            result.put("differences", differences);
            Output.json(out, result);
            failIfDrifted(outcome);
            return;
        }
        Hook hook = outcome.hook();
        out.println(
                (created
                                ? "Hooked "
                                : outcome instanceof HookOutcome.Repaired
                                        ? "Repaired: "
                                        : "Already hooked: ")
                        + hook.invokes(session.functionName())
                        + " reads "
                        + hook.sourceArn()
                        + " (mapping "
                        + hook.uuid()
                        + ", "
                        + hook.state()
                        + ", batch "
                        + hook.batchSize()
                        + ", from "
                        + hook.startingPosition()
                        + ")");
        if (created) {
            out.println(
                    "Deliveries start within a minute or two; watch them with `fanout status`.");
        }
        String verb = outcome instanceof HookOutcome.Repaired ? "  fixed: " : "  differs: ";
        differences.forEach(difference -> out.println(verb + difference));
        out.flush();
        failIfDrifted(outcome);
    }

    private static List<String> differences(HookOutcome outcome) {
        if (outcome instanceof HookOutcome.Drifted drifted) {
            return drifted.differences();
        }
        if (outcome instanceof HookOutcome.Repaired repaired) {
            return repaired.differences();
        }
        return List.of();
    }

    private static void failIfDrifted(HookOutcome outcome) {
        if (outcome instanceof HookOutcome.Drifted drifted) {
            throw new FanoutException(
                    ExitCodes.FAILURE,
                    "the hook on "
                            + drifted.hook().sourceArn()
                            + " has "
                            + drifted.differences().size()
                            + " setting(s) the forwarder does not work with: run `fanout hook"
                            + " --repair` to update it in place");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw FanoutException.usage(
                    "--starting-position-timestamp '"
                            + text
                            + "' is not an ISO-8601 instant such as 2026-11-25T09:00:00Z");
        }
    }
}
