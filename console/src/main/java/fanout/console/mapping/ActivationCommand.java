package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.Invocation;
import fanout.console.cli.SourceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shared body of {@code activate} and {@code deactivate}. */
abstract class ActivationCommand implements Runnable {
    @Mixin SourceOptions source;
    @Mixin TableOption table;
    @Mixin SelectionOptions selection;
    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    abstract boolean active();

    @Override
    public void run() {
        IdSelection chosen = selection.selection();
        Session session = invocation.session();
        String sourceArn = source.resolve(session);
        BulkResult result = table.service(session).setActive(sourceArn, chosen, active());
        if (chosen instanceof IdSelection.All
                && result.changed().isEmpty()
                && result.unchanged().isEmpty()) {
            spec.commandLine().getOut().println("no mappings for " + sourceArn);
        }
        MappingOutput.bulk(
                spec.commandLine().getOut(),
                session.options().output(),
                result,
                active() ? "activated" : "deactivated",
                active() ? "active" : "inactive",
                missing ->
                        "no mapping for " + missing + " in " + sourceArn + " (see `fanout list`)");
    }
}
