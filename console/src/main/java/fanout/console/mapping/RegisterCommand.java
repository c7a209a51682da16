package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Verb;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code register kinesis ...}: adds one student's stream as a target of the source. */
@Command(
        name = "register",
        description = {
            "Register a target (source -> destination stream), as the original `register <type>`.",
            "Refuses an id that exists unless --overwrite."
        },
        footerHeading = "%n",
        footer = {
            "Example:",
            "  fanout register kinesis --source-arn arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream \\",
            "    --id ab12 --destination-region us-west-2 --active true --parallel false \\",
            "    --destination-role-arn arn:aws:iam::210987654321:role/ab12StreamWriter \\",
            "    --destination arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream",
            "",
            ExitCodes.HELP_SECTION
        })
public final class RegisterCommand extends Verb implements Runnable {
    @Parameters(index = "0", paramLabel = "TYPE", description = "Target type: kinesis.")
    String type;

    @Option(names = "--overwrite", description = "Replace the mapping if the id exists.")
    boolean overwrite;

    @Option(names = "--index", hidden = true, paramLabel = "INDEX")
    String index;

    @Mixin EditOptions edit;

    @Override
    public void run() {
        if (index != null) {
            throw FanoutException.usage(
                    "--index is for the original's Elasticsearch targets: this fanout forwards to"
                            + " kinesis streams");
        }
        Session session = invocation.session();
        RegisterResult result =
                edit.service(session)
                        .register(
                                edit.sourceArn(session),
                                type,
                                edit.id,
                                edit.target.fields(),
                                overwrite);
        MappingOutput.warnings(invocation.err(), result.warnings());
        invocation.print(result.mapping(), out -> describe(out, result));
    }

    private static void describe(PrintWriter out, RegisterResult result) {
        out.println(
                (result.replaced() ? "replaced " : "registered ")
                        + MappingOutput.describe(result.mapping())
                        + "\n  source "
                        + result.mapping().sourceArn());
        if (!result.mapping().active()) {
            out.println(
                    "  not active yet: fanout activate --source-arn "
                            + result.mapping().sourceArn()
                            + " --id "
                            + result.mapping().id());
        }
    }
}
