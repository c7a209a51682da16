package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.Verb;
import picocli.CommandLine.Mixin;

/** Shared body of {@code activate} and {@code deactivate}. */
abstract class ActivationCommand extends Verb implements Runnable {
    @Mixin BulkOptions mappings;

    abstract boolean active();

    @Override
    public void run() {
        IdSelection chosen = mappings.selection.selection();
        Session session = invocation.session();
        String sourceArn = mappings.source.resolve(session);
        BulkResult result = mappings.service(session).setActive(sourceArn, chosen, active());
        if (chosen instanceof IdSelection.All
                && result.changed().isEmpty()
                && result.unchanged().isEmpty()) {
            invocation.out().println("no mappings for " + sourceArn);
        }
        BulkOptions.report(
                invocation,
                sourceArn,
                result,
                active() ? "activated" : "deactivated",
                active() ? "active" : "inactive");
    }
}
