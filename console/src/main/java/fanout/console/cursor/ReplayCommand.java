package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay --id X --since T}: one student gets everything since T again. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Send one student every record since a time again, read from the source stream"
                        + " (within its retention) by the function, whose role the student trusts."
                        + " The student shows BEHIND in `fanout status` until caught up.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class ReplayCommand implements Callable<Integer> {
    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The student.")
    String id;

    @Option(
            names = "--since",
            required = true,
            paramLabel = "TIME",
            description =
                    "From when: 2026-11-25T09:00:00Z, 09:30 (local time today) or 10m / 2h ago.")
    String since;

    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream (default: the workshop's source in your account).")
    String sourceArn;

    @Override
    public Integer call() {
        Session session = invocation.session();
        Instant from = SinceParser.parse(since, session.clock(), ZoneId.systemDefault());
        String source = SourceStreams.resolve(session, Optional.ofNullable(sourceArn));
        JsonNode answer =
                new CursorService(session.aws().lambda())
                        .replay(session.functionName(), source, id, from);
        PrintWriter out = spec.commandLine().getOut();
        if (session.options().output() == OutputFormat.json) {
            Output.json(out, answer);
            return ExitCodes.OK;
        }
        out.printf(
                "%s will get every record since %s again (%d shard(s)); it shows BEHIND in"
                        + " `fanout status` until caught up. With no traffic, run `fanout"
                        + " drain`.%n",
                id, from, answer.path("shards").size());
        out.flush();
        return ExitCodes.OK;
    }
}
