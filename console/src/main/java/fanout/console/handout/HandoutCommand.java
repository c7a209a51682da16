package fanout.console.handout;

import fanout.console.Session;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.Verb;
import fanout.mapping.Arn;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code handout}: what to give students so the fan-out can write to their stream. */
@Command(
        name = "handout",
        description =
                "Print what students need: the core account id, the fan-out role ARN their role"
                        + " must trust, the external id if any, the exact trust policy for their"
                        + " role and the permissions it needs on their stream.")
public final class HandoutCommand extends Verb implements Runnable {
    @Option(
            names = "--external-id",
            paramLabel = "ID",
            description = "External id the students' trust policies require (default: none).")
    String externalId;

    @Option(
            names = "--id",
            paramLabel = "ID",
            description = "Fill in one student's id (default: keep the {id} placeholder).")
    String id;

    @Option(
            names = "--account",
            paramLabel = "ACCOUNT",
            description = "Fill in one student's account (default: keep {account}).")
    String account;

    @Override
    public void run() {
        Session session = invocation.session();
        if (account != null && !Arn.isAccount(account)) {
            throw FanoutException.usage("--account '" + account + "' must be 12 digits");
        }
        if (id != null && !session.workshop().idMatches(id)) {
            throw FanoutException.usage(
                    "--id '"
                            + id
                            + "' does not match the workshop's id pattern "
                            + session.workshop().idPattern());
        }
        Handout handout =
                new HandoutService(session.aws(), session.workshop())
                        .handout(
                                session.functionName(),
                                Optional.ofNullable(externalId).filter(s -> !s.isBlank()),
                                Optional.ofNullable(id),
                                Optional.ofNullable(account));
        PrintWriter out = invocation.out();
        if (session.options().output() == OutputFormat.json) {
            Output.json(out, handout);
            return;
        }
        print(out, handout);
    }

    private static void print(PrintWriter out, Handout handout) {
        out.print(HandoutText.of(handout));
        out.flush();
    }
}
