package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.Invocation;
import fanout.console.cli.SourceOptions;
import picocli.CommandLine.Mixin;

/**
 * What {@code activate}, {@code deactivate} and {@code unregister} take: the source, the table and
 * which of its mappings; and how they report the change.
 */
final class BulkOptions {
    @Mixin SourceOptions source;
    @Mixin TableOption table;
    @Mixin SelectionOptions selection;

    MappingService service(Session session) {
        return table.service(session);
    }

    /** Prints what changed; ids without a mapping are named with where to look. */
    static void report(
            Invocation invocation, String sourceArn, BulkResult result, String verb, String state) {
        MappingOutput.bulk(
                invocation.out(),
                invocation.format(),
                result,
                verb,
                state,
                missing ->
                        "no mapping for " + missing + " in " + sourceArn + " (see `fanout list`)");
    }
}
