package fanout.console.hook;

import picocli.CommandLine.Command;

/**
 * {@code pause}: Pause the hook on the source stream (disable the mapping): records wait in the
 * stream.
 */
@Command(
        name = "pause",
        description =
                "Pause the hook on the source stream (disable the mapping): records wait in the stream.")
public final class PauseCommand extends HookSwitchCommand {
    public PauseCommand() {
        super(false);
    }
}
