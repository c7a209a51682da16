package fanout.console.roster;

import fanout.console.Session;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.Verb;
import fanout.console.mapping.Confirmation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roster import FILE}: checks, diffs and applies a roster. */
@Command(
        name = "import",
        description = {
            "Register a class from a roster CSV: prints the problems and the diff, then applies it.",
            "Invalid lines are never written; the valid ones are (exit code 4 then)."
        })
public final class RosterImportCommand extends Verb implements Runnable {
    @Parameters(index = "0", paramLabel = "FILE", description = "The roster CSV file.")
    Path file;

    @Option(names = "--activate", description = "Activate the imported mappings.")
    boolean activate;

    @Option(names = "--dry-run", description = "Only print the problems and the diff.")
    boolean dryRun;

    @Option(names = "--prune", description = "Remove mappings of the source not in the roster.")
    boolean prune;

    @Option(names = "--yes", description = "Do not ask before removing (with --prune).")
    boolean yes;

    @Mixin RosterTable roster;

    @Override
    public void run() {
        Session session = invocation.session();
        RosterService service = roster.service(session);
        String sourceArn = roster.sourceArn(session);
        RosterPlan plan;
        try (Reader reader = open(file)) {
            plan = service.plan(reader, file.toString(), sourceArn);
        } catch (IOException e) {
            throw FanoutException.usage(file + ": cannot read it (" + e.getMessage() + ")");
        }
        PrintWriter out = invocation.out();
        boolean json = session.options().output() == OutputFormat.json;
        if (json) {
            printProblemsOnly(plan);
        } else {
            RosterReport.plan(out, invocation.err(), plan, prune);
        }
        if (plan.rows().isEmpty() && plan.hasProblems()) {
            throw FanoutException.usage(file + ": no valid student line; nothing written");
        }
        if (dryRun) {
            if (json) {
                Output.json(out, RosterReport.json(plan, null, prune));
            } else {
                out.println("dry run: nothing written");
                out.flush();
            }
            failIfInvalid(plan.invalidLines());
            return;
        }
        boolean removing = prune && !plan.of(RosterChange.Kind.REMOVED).isEmpty();
        boolean doPrune =
                removing
                        && Confirmation.confirm(
                                out,
                                yes,
                                "remove "
                                        + plan.of(RosterChange.Kind.REMOVED).size()
                                        + " mappings that are not in the roster?");
        ImportResult result = service.apply(plan, activate, doPrune);
        if (json) {
            Output.json(out, RosterReport.json(plan, result, doPrune));
        } else {
            out.println(result.summary());
            out.flush();
        }
        if (!result.failures().isEmpty()) {
            throw FanoutException.partial(String.join("\n", result.failures()));
        }
        failIfInvalid(result.invalid());
    }

    /** With JSON on stdout, people still see the problems on stderr. */
    private void printProblemsOnly(RosterPlan plan) {
        PrintWriter err = invocation.err();
        plan.problems().forEach(p -> err.println(plan.sourceName() + ": " + p.describe()));
        plan.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
    }

    private static void failIfInvalid(long invalid) {
        if (invalid > 0) {
            throw FanoutException.partial(
                    invalid + " invalid line" + (invalid == 1 ? "" : "s") + " (see above)");
        }
    }

    private static Reader open(Path file) throws IOException {
        try {
            return new java.io.InputStreamReader(
                    Files.newInputStream(file),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (NoSuchFileException e) {
            throw FanoutException.usage(file + ": no such file");
        }
    }
}
