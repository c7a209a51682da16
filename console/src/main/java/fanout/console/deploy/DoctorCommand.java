package fanout.console.deploy;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Verb;
import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code doctor}: one line per check of the installation, with a fix for each failure. */
@Command(
        name = "doctor",
        description =
                "Check credentials, role, tables, function, source stream, hooks and registrations;"
                        + " one line per check (ok / warn / FAIL) with a fix. Exits 3 if any"
                        + " check failed.")
public final class DoctorCommand extends Verb implements Callable<Integer> {
    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream to check (default: the workshop's, in your account).")
    String sourceArn;

    @Override
    public Integer call() {
        Session session = invocation.session();
        Optional<String> source = Optional.ofNullable(sourceArn).map(DoctorCommand::valid);
        List<DoctorCheck> checks =
                new DoctorService(session.aws(), session.workshop())
                        .check(session.functionName(), source);
        invocation.print(checks, out -> print(out, checks));
        return DoctorService.anyFailed(checks) ? ExitCodes.AWS : ExitCodes.OK;
    }

    private static void print(PrintWriter out, List<DoctorCheck> checks) {
        for (DoctorCheck check : checks) {
            String status =
                    check.status() == DoctorCheck.Status.FAIL
                            ? "FAIL"
                            : check.status().name().toLowerCase();
            out.printf("%-4s  %-14s %s%n", status, check.name(), check.detail());
            if (!check.fix().isEmpty()) {
                out.println("      fix: " + check.fix());
            }
        }
    }

    private static String valid(String arn) {
        try {
            return Arn.kinesisStream(arn).toString();
        } catch (InvalidArnException e) {
            throw FanoutException.usage("--source-arn: " + e.getMessage());
        }
    }
}
