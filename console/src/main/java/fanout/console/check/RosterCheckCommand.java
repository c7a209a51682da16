package fanout.console.check;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.SourceArnOption;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code roster check}: can the function reach each student's role and stream? */
@Command(
        name = "check",
        description =
                "Ask the deployed function whether it can assume each student's role and describe"
                        + " their stream; one line per student, with the fix when it fails. Exits 4"
                        + " if some students failed.")
public final class RosterCheckCommand extends Verb implements Callable<Integer> {
    @Mixin SourceArnOption source;

    @Option(
            names = "--ids",
            split = ",",
            paramLabel = "ID",
            description = "Only these students (comma separated; default: every registration).")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = invocation.session();
        String sourceArn = source.resolve(session);
        CheckService service =
                new CheckService(
                        new LambdaControlFunction(session.aws()),
                        // Resolved only once the function has answered: a missing function
                        // must say "deploy", not fail on the table.
                        arn ->
                                new TargetsTableLookup(
                                                session.aws().dynamo(), session.targetsTable())
                                        .mappings(arn),
                        session.region(),
                        Optional.of(session.workshop().assumableRoles(session.region())),
                        Sleeper.SYSTEM,
                        invocation.err()::println,
                        role -> roleCreated(session, role));
        List<StudentCheck> results = service.check(session.functionName(), sourceArn, ids);
        invocation.print(results, out -> print(out, results));
        return results.stream().allMatch(StudentCheck::ok) ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** When the fan-out role was created, if this account has it and the leader may read it. */
    private static Optional<Instant> roleCreated(Session session, String roleArn) {
        try {
            String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            return Optional.ofNullable(
                    session.aws().iam().getRole(r -> r.roleName(name)).role().createDate());
        } catch (SdkException e) {
            // Only a better hint depends on it: the check itself stands.
            return Optional.empty();
        }
    }

    private static void print(PrintWriter out, List<StudentCheck> results) {
        if (results.isEmpty()) {
            out.println("No student registered for this source: run `fanout roster import FILE`.");
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        for (StudentCheck result : results) {
            if (result.ok()) {
                out.printf(
                        "ok    %-8s role assumed, stream %s%n", result.id(), result.streamStatus());
            } else {
                out.printf(
                        "FAIL  %-8s %s%n",
                        result.id(),
                        (result.code() == null ? "" : result.code() + ": ")
                                + (result.error() == null ? "" : result.error()));
                out.println("      fix: " + result.fix());
            }
        }
        if (!results.isEmpty()) {
            out.println(
                    (results.size() - failed) + " of " + results.size() + " students reachable");
        }
    }
}
