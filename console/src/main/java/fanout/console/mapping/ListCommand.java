package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.SourceOptions;
import fanout.console.cli.Verb;
import fanout.mapping.Mapping;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code list}: the mappings of a source, or of every source. */
@Command(
        name = "list",
        description = {
            "List mappings: of --source-arn (or --source), else of every source in the table.",
            "--output json prints an array of rows with the table's attribute names."
        })
public final class ListCommand extends Verb implements Runnable {
    @Mixin SourceOptions source;
    @Mixin TableOption table;

    @Override
    public void run() {
        Session session = invocation.session();
        Optional<String> sourceArn =
                source.given() ? Optional.of(source.resolve(session)) : Optional.empty();
        List<Mapping> mappings = table.service(session).list(sourceArn);
        MappingOutput.list(
                invocation.out(), session.options().output(), mappings, sourceArn.isEmpty());
    }
}
