package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import fanout.console.cli.FanoutException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skip --id X --to latest}: a student who left no longer owes anything. */
@Command(
        name = "skip",
        description =
                "Drop what a student who is behind still owes (e.g. one who left): from the next"
                        + " batch on they get live records again, nothing older.")
public final class SkipCommand extends CursorCommand {
    @Mixin StudentIdOption student;

    @Option(
            names = "--to",
            paramLabel = "WHERE",
            defaultValue = "latest",
            description = "Where the student's cursor goes: latest (the only choice).")
    String to;

    @Override
    void checkArguments() {
        if (!"latest".equals(to)) {
            throw FanoutException.usage("--to " + to + ": only 'latest' is supported");
        }
    }

    @Override
    JsonNode ask(Session session, CursorService cursors) {
        return cursors.skip(session.functionName(), source(session), student.id);
    }

    @Override
    void describe(PrintWriter out, JsonNode answer) {
        if (answer.path("shards").isEmpty()) {
            out.println(student.id + " is not behind: nothing to skip.");
        } else {
            long dropped = 0;
            for (JsonNode shard : answer.path("shards")) {
                dropped += Math.max(0, shard.path("owedBefore").asLong());
            }
            out.printf(
                    "%s skipped to the latest record on %d shard(s) (%d record(s) no longer"
                            + " owed); live again from the next batch.%n",
                    student.id, answer.path("shards").size(), dropped);
        }
    }
}
