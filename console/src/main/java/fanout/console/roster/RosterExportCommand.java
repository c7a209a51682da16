package fanout.console.roster;

import fanout.console.Session;
import fanout.console.cli.Output;
import fanout.console.cli.Verb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code roster export}: the source's mappings as a roster that import accepts. */
@Command(
        name = "export",
        description =
                "Print the registered mappings as a roster CSV (cells a spreadsheet would run as"
                        + " formulas are neutralised).")
public final class RosterExportCommand extends Verb implements Runnable {
    @Mixin RosterTable roster;

    @Override
    public void run() {
        Session session = invocation.session();
        Output.csv(
                invocation.out(),
                RosterColumns.ALL,
                roster.service(session).export(roster.sourceArn(session)));
    }
}
