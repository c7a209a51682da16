package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drain}: students who are behind catch up from the source now, without new traffic. */
@Command(
        name = "drain",
        mixinStandardHelpOptions = true,
        description =
                "Ask the function to let every student who is behind catch up from the source"
                        + " stream now (it otherwise does so as new records arrive). Run it again"
                        + " while students are still behind.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class DrainCommand implements Callable<Integer> {
    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream (default: the workshop's source in your account).")
    String sourceArn;

    @Override
    public Integer call() {
        Session session = invocation.session();
        String source = SourceStreams.resolve(session, Optional.ofNullable(sourceArn));
        JsonNode answer =
                new CursorService(session.aws().lambda()).drain(session.functionName(), source);
        PrintWriter out = spec.commandLine().getOut();
        if (session.options().output() == OutputFormat.json) {
            Output.json(out, answer);
            return ExitCodes.OK;
        }
        int before = 0;
        for (JsonNode shard : answer.path("shards")) {
            before += shard.path("behindBefore").asInt();
        }
        int after = answer.path("stillBehind").asInt();
        if (before == 0) {
            out.println("Nobody is behind: nothing to drain.");
        } else {
            out.printf(
                    "Drained %d shard(s): %d cursor(s) behind before, %d still behind.%n",
                    answer.path("shards").size(), before, after);
            if (after > 0) {
                out.println(
                        "Run `fanout drain` again, or watch `fanout status` (state BEHIND) as"
                                + " traffic arrives.");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
