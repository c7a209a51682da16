package fanout.console.tui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.handout.Handout;
import fanout.console.tui.handout.HandoutSource;
import java.nio.file.Path;

/** A fixed handout that is written nowhere. */
public final class FakeHandoutSource implements HandoutSource {
    public Handout handout =
            new Handout(
                    "123456789012",
                    "us-west-2",
                    "arn:aws:iam::123456789012:role/fanoutRole",
                    true,
                    null,
                    "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream",
                    "arn:aws:iam::{account}:role/fanout-{id}",
                    "arn:aws:kinesis:us-west-2:{account}:stream/{id}Stream",
                    policy("sts:AssumeRole"),
                    policy("kinesis:PutRecords"));

    private static ObjectNode policy(String action) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        return statement;
    }

    /** Runs after the handout is written, e.g. to mark the setup's handout step done. */
    public Runnable afterWrite = () -> {};

    @Override
    public Handout handout() {
        return handout;
    }

    @Override
    public Path write(Handout value) {
        afterWrite.run();
        return Path.of(".fanout/handout.txt");
    }
}
