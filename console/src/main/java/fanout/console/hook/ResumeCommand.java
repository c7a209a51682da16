package fanout.console.hook;

import fanout.console.cli.ExitCodes;
import picocli.CommandLine.Command;

/**
 * {@code resume}: Resume a paused hook (enable the mapping): forwarding continues where it stopped.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description =
                "Resume a paused hook (enable the mapping): forwarding continues where it stopped.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class ResumeCommand extends HookSwitchCommand {
    public ResumeCommand() {
        super(true, "Resumed");
    }
}
