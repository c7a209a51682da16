package fanout.console.session;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.HookedSourceOption;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.Verb;
import fanout.console.status.StatusService;
import fanout.console.status.StatusSnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code results}: one row per student, from the class's session log and a last look now. */
@Command(
        name = "results",
        description = {
            "One row per student from the class's session log (.fanout/sessions/): id, name,"
                    + " helper, first_ok_at, minutes_not_ok, records_received, errors, final_state.",
            "Takes one status snapshot first, so the final state is the current one."
        })
public final class ResultsCommand extends Verb implements Callable<Integer> {
    static final List<String> COLUMNS =
            List.of(
                    "id",
                    "name",
                    "helper",
                    "first_ok_at",
                    "minutes_not_ok",
                    "records_received",
                    "errors",
                    "final_state");

    @Mixin HookedSourceOption source;

    @Override
    public Integer call() {
        Session session = invocation.session();
        StatusService status = new StatusService(session);
        StatusSnapshot snapshot = status.snapshot(source.arn(), StatusService.DEFAULT_WINDOW);
        SessionLog log = SessionLog.of(session, snapshot.source());
        log.observe(snapshot);
        List<StudentResult> results = ResultsFold.fold(log.read(), snapshot.asOf());
        print(invocation.out(), invocation.format(), results);
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, OutputFormat format, List<StudentResult> results) {
        if (format == OutputFormat.json) {
            Output.json(out, results);
            return;
        }
        List<List<String>> rows = results.stream().map(ResultsCommand::row).toList();
        if (format == OutputFormat.csv) {
            Output.csv(out, COLUMNS, rows);
        } else {
            Output.table(out, COLUMNS.stream().map(String::toUpperCase).toList(), rows);
            out.flush();
        }
    }

    private static List<String> row(StudentResult r) {
        return List.of(
                r.id(),
                nonNull(r.name()),
                nonNull(r.helper()),
                r.firstOkAt() == null ? "" : r.firstOkAt().toString(),
                Long.toString(r.minutesNotOk()),
                Long.toString(r.recordsReceived()),
                Long.toString(r.errors()),
                r.finalState());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
