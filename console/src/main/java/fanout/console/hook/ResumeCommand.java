package fanout.console.hook;

import picocli.CommandLine.Command;

/**
 * {@code resume}: Resume a paused hook (enable the mapping): forwarding continues where it stopped.
 */
@Command(
        name = "resume",
        description =
                "Resume a paused hook (enable the mapping): forwarding continues where it stopped.")
public final class ResumeCommand extends HookSwitchCommand {
    public ResumeCommand() {
        super(true);
    }
}
