package fanout.console.mapping;

import fanout.console.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code deactivate}: stop delivering to one, several or all targets. */
@Command(
        name = "deactivate",
        mixinStandardHelpOptions = true,
        description = "Deactivate mappings: --id ID[,ID...] or --all.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class DeactivateCommand extends ActivationCommand {
    @Override
    boolean active() {
        return false;
    }
}
