package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import fanout.console.cli.SourceOptions;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unregister}: removes mappings; {@code --all} asks first (or needs --yes). */
@Command(
        name = "unregister",
        mixinStandardHelpOptions = true,
        description = "Remove mappings: --id ID[,ID...], or --all (asks, or --yes).",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class UnregisterCommand implements Runnable {
    @Mixin SourceOptions source;
    @Mixin TableOption table;
    @Mixin SelectionOptions selection;

    @Option(names = "--yes", description = "Do not ask before removing every mapping.")
    boolean yes;

    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        IdSelection chosen = selection.selection();
        Session session = invocation.session();
        String sourceArn = source.resolve(session);
        MappingService service = table.service(session);
        if (chosen instanceof IdSelection.All) {
            int count = service.list(Optional.of(sourceArn)).size();
            if (count == 0) {
                spec.commandLine().getOut().println("no mappings for " + sourceArn);
                spec.commandLine().getOut().flush();
                return;
            }
            String question = "remove all " + count + " mappings of " + sourceArn + "?";
            if (!Confirmation.confirm(spec.commandLine().getOut(), yes, question)) {
                spec.commandLine().getOut().println("nothing removed");
                spec.commandLine().getOut().flush();
                return;
            }
        }
        BulkResult result = service.unregister(sourceArn, chosen);
        MappingOutput.bulk(
                spec.commandLine().getOut(),
                session.options().output(),
                result,
                "removed",
                "removed",
                missing ->
                        "no mapping for " + missing + " in " + sourceArn + " (see `fanout list`)");
    }
}
