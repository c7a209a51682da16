package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.SourceOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code update}: changes the given flags of one mapping (all of them, role included). */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Update a mapping: every flag given is written, the role and external id included.",
            "An empty value (--name \"\") clears an optional attribute."
        },
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class UpdateCommand implements Runnable {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Target id.")
    String id;

    @Mixin SourceOptions source;
    @Mixin TableOption table;
    @Mixin TargetOptions target;
    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        Session session = invocation.session();
        UpdateResult result =
                table.service(session).update(source.resolve(session), id, target.fields());
        PrintWriter out = spec.commandLine().getOut();
        MappingOutput.warnings(spec.commandLine().getErr(), result.warnings());
        if (session.options().output() == OutputFormat.json) {
            Output.json(out, result.after());
            return;
        }
        out.println(
                (result.changed() ? "updated " : "nothing to change: ")
                        + MappingOutput.describe(result.after()));
        out.flush();
    }
}
