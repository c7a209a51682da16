package fanout.console.roster;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import fanout.console.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code roster export}: the source's mappings as a roster that import accepts. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Print the registered mappings as a roster CSV (cells a spreadsheet would run as"
                        + " formulas are neutralised).",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class RosterExportCommand implements Runnable {
    @Mixin RosterTable roster;
    @Mixin Invocation invocation;

    @Override
    public void run() {
        Session session = invocation.session();
        Output.csv(
                invocation.out(),
                RosterColumns.ALL,
                roster.service(session).export(roster.sourceArn(session)));
    }
}
