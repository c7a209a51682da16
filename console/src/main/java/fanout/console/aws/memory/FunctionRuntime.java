package fanout.console.aws.memory;

import java.time.Duration;
import java.util.Map;

/**
 * Runs a function's code for {@link InMemoryLambda}: the sandbox plugs in the real fan-out handler,
 * tests plug in a recording one.
 */
@FunctionalInterface
public interface FunctionRuntime {
    /**
     * @param environment the function's configured environment variables
     * @param timeout the function's configured timeout (the handler's time budget)
     * @return the response payload
     */
    byte[] invoke(
            String functionName, Map<String, String> environment, byte[] payload, Duration timeout);
}
