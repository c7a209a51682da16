package fanout.console.hook;

import fanout.console.cli.ExitCodes;
import picocli.CommandLine.Command;

/**
 * {@code pause}: Pause the hook on the source stream (disable the mapping): records wait in the
 * stream.
 */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description =
                "Pause the hook on the source stream (disable the mapping): records wait in the stream.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class PauseCommand extends HookSwitchCommand {
    public PauseCommand() {
        super(false, "Paused");
    }
}
