package fanout.console.roster;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import fanout.console.cli.Output;
import fanout.console.cli.SourceOptions;
import fanout.console.mapping.TableOption;
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
    @Mixin SourceOptions source;
    @Mixin TableOption table;
    @Mixin Invocation invocation;

    @Override
    public void run() {
        Session session = invocation.session();
        RosterService service = new RosterService(session.workshop(), table.repository(session));
        Output.csv(invocation.out(), RosterColumns.ALL, service.export(source.resolve(session)));
    }
}
