package fanout.console.roster;

import fanout.console.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code roster}: bulk registration of a class from a CSV file. */
@Command(
        name = "roster",
        mixinStandardHelpOptions = true,
        description = {
            "The class roster (CSV): import it, export the table as one, or print a template.",
            "Columns: id, account, region, stream, role, external_id, name, helper, parallel."
        },
        subcommands = {
            RosterImportCommand.class,
            RosterExportCommand.class,
            RosterTemplateCommand.class,
            fanout.console.check.RosterCheckCommand.class
        },
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class RosterCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
