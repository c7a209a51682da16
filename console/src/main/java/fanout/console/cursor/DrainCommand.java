package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code drain}: students who are behind catch up from the source now, without new traffic. */
@Command(
        name = "drain",
        description =
                "Ask the function to let every student who is behind catch up from the source"
                        + " stream now (it otherwise does so as new records arrive). Run it again"
                        + " while students are still behind.")
public final class DrainCommand extends CursorCommand {
    @Override
    JsonNode ask(Session session, CursorService cursors) {
        return cursors.drain(session.functionName(), source(session));
    }

    @Override
    void describe(PrintWriter out, JsonNode answer) {
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
    }
}
