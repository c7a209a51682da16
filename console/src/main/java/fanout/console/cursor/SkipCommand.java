package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
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

/** {@code skip --id X --to latest}: a student who left no longer owes anything. */
@Command(
        name = "skip",
        mixinStandardHelpOptions = true,
        description =
                "Drop what a student who is behind still owes (e.g. one who left): from the next"
                        + " batch on they get live records again, nothing older.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class SkipCommand implements Callable<Integer> {
    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The student.")
    String id;

    @Option(
            names = "--to",
            paramLabel = "WHERE",
            defaultValue = "latest",
            description = "Where the student's cursor goes: latest (the only choice).")
    String to;

    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream (default: the workshop's source in your account).")
    String sourceArn;

    @Override
    public Integer call() {
        if (!"latest".equals(to)) {
            throw FanoutException.usage("--to " + to + ": only 'latest' is supported");
        }
        Session session = invocation.session();
        String source = SourceStreams.resolve(session, Optional.ofNullable(sourceArn));
        JsonNode answer =
                new CursorService(session.aws().lambda()).skip(session.functionName(), source, id);
        PrintWriter out = spec.commandLine().getOut();
        if (session.options().output() == OutputFormat.json) {
            Output.json(out, answer);
            return ExitCodes.OK;
        }
        if (answer.path("shards").isEmpty()) {
            out.println(id + " is not behind: nothing to skip.");
        } else {
            long dropped = 0;
            for (JsonNode shard : answer.path("shards")) {
                dropped += Math.max(0, shard.path("owedBefore").asLong());
            }
            out.printf(
                    "%s skipped to the latest record on %d shard(s) (%d record(s) no longer"
                            + " owed); live again from the next batch.%n",
                    id, answer.path("shards").size(), dropped);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
