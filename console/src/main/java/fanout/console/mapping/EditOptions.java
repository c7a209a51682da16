package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.SourceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code register} and {@code update} both take: which mapping, where, and its fields. */
final class EditOptions {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Target id.")
    String id;

    @Mixin SourceOptions source;
    @Mixin TableOption table;
    @Mixin TargetOptions target;

    /** The mapping service on the session's targets table. */
    MappingService service(Session session) {
        return table.service(session);
    }

    /** The source stream the mapping belongs to. */
    String sourceArn(Session session) {
        return source.resolve(session);
    }
}
