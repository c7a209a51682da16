package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.Verb;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unregister}: removes mappings; {@code --all} asks first (or needs --yes). */
@Command(
        name = "unregister",
        description = "Remove mappings: --id ID[,ID...], or --all (asks, or --yes).")
public final class UnregisterCommand extends Verb implements Runnable {
    @Mixin BulkOptions mappings;

    @Option(names = "--yes", description = "Do not ask before removing every mapping.")
    boolean yes;

    @Override
    public void run() {
        IdSelection chosen = mappings.selection.selection();
        Session session = invocation.session();
        String sourceArn = mappings.source.resolve(session);
        MappingService service = mappings.service(session);
        if (chosen instanceof IdSelection.All) {
            int count = service.list(Optional.of(sourceArn)).size();
            if (count == 0) {
                invocation.out().println("no mappings for " + sourceArn);
                invocation.out().flush();
                return;
            }
            String question = "remove all " + count + " mappings of " + sourceArn + "?";
            if (!Confirmation.confirm(invocation.out(), yes, question)) {
                invocation.out().println("nothing removed");
                invocation.out().flush();
                return;
            }
        }
        BulkResult result = service.unregister(sourceArn, chosen);
        BulkOptions.report(invocation, sourceArn, result, "removed", "removed");
    }
}
