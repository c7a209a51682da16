package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.Verb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code update}: changes the given flags of one mapping (all of them, role included). */
@Command(
        name = "update",
        description = {
            "Update a mapping: every flag given is written, the role and external id included.",
            "An empty value (--name \"\") clears an optional attribute."
        })
public final class UpdateCommand extends Verb implements Runnable {
    @Mixin EditOptions edit;

    @Override
    public void run() {
        Session session = invocation.session();
        UpdateResult result =
                edit.service(session)
                        .update(edit.sourceArn(session), edit.id, edit.target.fields());
        MappingOutput.warnings(invocation.err(), result.warnings());
        invocation.print(
                result.after(),
                out ->
                        out.println(
                                (result.changed() ? "updated " : "nothing to change: ")
                                        + MappingOutput.describe(result.after())));
    }
}
