package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay --id X --since T}: one student gets everything since T again. */
@Command(
        name = "replay",
        description =
                "Send one student every record since a time again, read from the source stream"
                        + " (within its retention) by the function, whose role the student trusts."
                        + " The student shows BEHIND in `fanout status` until caught up.")
public final class ReplayCommand extends CursorCommand {
    @Mixin StudentIdOption student;

    @Option(
            names = "--since",
            required = true,
            paramLabel = "TIME",
            description =
                    "From when: 2026-11-25T09:00:00Z, 09:30 (local time today) or 10m / 2h ago.")
    String since;

    private Instant from;

    @Override
    JsonNode ask(Session session, CursorService cursors) {
        from = SinceParser.parse(since, session.clock(), ZoneId.systemDefault());
        return cursors.replay(session.functionName(), source(session), student.id, from);
    }

    @Override
    void describe(PrintWriter out, JsonNode answer) {
        out.printf(
                "%s will get every record since %s again (%d shard(s)); it shows BEHIND in"
                        + " `fanout status` until caught up. With no traffic, run `fanout"
                        + " drain`.%n",
                student.id, from, answer.path("shards").size());
    }
}
