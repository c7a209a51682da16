package fanout.console.mapping;

import picocli.CommandLine.Command;

/** {@code deactivate}: stop delivering to one, several or all targets. */
@Command(name = "deactivate", description = "Deactivate mappings: --id ID[,ID...] or --all.")
public final class DeactivateCommand extends ActivationCommand {
    @Override
    boolean active() {
        return false;
    }
}
