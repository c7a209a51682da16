package fanout.console.mapping;

import picocli.CommandLine.Command;

/** {@code activate}: start delivering to one, several or all targets. */
@Command(name = "activate", description = "Activate mappings: --id ID[,ID...] or --all.")
public final class ActivateCommand extends ActivationCommand {
    @Override
    boolean active() {
        return true;
    }
}
