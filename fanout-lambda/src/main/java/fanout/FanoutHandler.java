package fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The Lambda entry point. Kinesis stream events in, a partial batch response ({@code
 * batchItemFailures}) out; control invocations from the console ({@code {"action": "check", ...}})
 * answered with JSON.
 *
 * <p>The no-arg constructor is the composition root Lambda uses: configuration from the
 * environment, real AWS clients. The other constructor is for tests and the sandbox.
 */
public final class FanoutHandler implements RequestStreamHandler {

    public FanoutHandler() {
        this(System.getenv(), null);
        throw new UnsupportedOperationException("not built yet");
    }

    public FanoutHandler(Map<String, String> environment, ForwarderServices services) {
        // Built by the forwarder issue.
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
