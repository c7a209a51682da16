package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.Session;
import fanout.console.check.LambdaControlFunction;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.SourceArnOption;
import fanout.console.cli.Verb;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code drain}, {@code skip} and {@code replay} share: one control invocation of the function
 * on the source stream, its answer printed as JSON or as a sentence for the leader.
 */
abstract class CursorCommand extends Verb implements Callable<Integer> {
    @Mixin SourceArnOption source;

    @Override
    public final Integer call() {
        checkArguments();
        Session session = invocation.session();
        JsonNode answer = ask(session, new CursorService(new LambdaControlFunction(session.aws())));
        invocation.print(answer, out -> describe(out, answer));
        return ExitCodes.OK;
    }

    /** Refuses arguments that need no session to be found wrong; none by default. */
    void checkArguments() {}

    /** The function's answer; resolve the source with {@link #source(Session)} when it is due. */
    abstract JsonNode ask(Session session, CursorService cursors);

    /** The answer as the leader reads it. */
    abstract void describe(PrintWriter out, JsonNode answer);

    final String source(Session session) {
        return source.resolve(session);
    }
}
