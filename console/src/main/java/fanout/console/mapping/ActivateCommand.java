package fanout.console.mapping;

import fanout.console.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code activate}: start delivering to one, several or all targets. */
@Command(
        name = "activate",
        mixinStandardHelpOptions = true,
        description = "Activate mappings: --id ID[,ID...] or --all.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class ActivateCommand extends ActivationCommand {
    @Override
    boolean active() {
        return true;
    }
}
