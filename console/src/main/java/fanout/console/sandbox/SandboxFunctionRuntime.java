package fanout.console.sandbox;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import fanout.FanoutHandler;
import fanout.ForwarderServices;
import fanout.console.aws.memory.FunctionRuntime;
import fanout.mapping.Arn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the real fan-out handler in-process for the sandbox's Lambda. Like Lambda, it keeps warm
 * "containers": handlers built once per function and environment, each serving one invocation at a
 * time, a new one built when all are busy (shards invoke concurrently).
 */
public final class SandboxFunctionRuntime implements FunctionRuntime {
    private final Function<String, ForwarderServices> services;
    private final BiFunction<Map<String, String>, ForwarderServices, RequestStreamHandler> handlers;
    private final String region;
    private final String account;
    private final Consumer<String> log;
    private final Map<Warm, Queue<RequestStreamHandler>> containers = new ConcurrentHashMap<>();

    /**
     * @param services what a function's code talks to, by function name (each function calls AWS
     *     with its own execution role)
     */
    public SandboxFunctionRuntime(
            Function<String, ForwarderServices> services,
            String region,
            String account,
            Consumer<String> log) {
        this(services, FanoutHandler::new, region, account, log);
    }

    SandboxFunctionRuntime(
            ForwarderServices services,
            BiFunction<Map<String, String>, ForwarderServices, RequestStreamHandler> handlers,
            String region,
            String account,
            Consumer<String> log) {
        this(name -> services, handlers, region, account, log);
    }

    SandboxFunctionRuntime(
            Function<String, ForwarderServices> services,
            BiFunction<Map<String, String>, ForwarderServices, RequestStreamHandler> handlers,
            String region,
            String account,
            Consumer<String> log) {
        this.services = Objects.requireNonNull(services, "services");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.region = Objects.requireNonNull(region, "region");
        this.account = Objects.requireNonNull(account, "account");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public byte[] invoke(
            String functionName,
            Map<String, String> environment,
            byte[] payload,
            Duration timeout) {
        Map<String, String> env = lambdaEnvironment(functionName, environment);
        Queue<RequestStreamHandler> idle =
                containers.computeIfAbsent(
                        new Warm(functionName, env), key -> new ConcurrentLinkedQueue<>());
        RequestStreamHandler handler = idle.poll();
        ForwarderServices forFunction = services.apply(functionName);
        if (handler == null) {
            handler = handlers.apply(env, forFunction);
        }
        Clock clock = forFunction.clock();
        SandboxContext context =
                new SandboxContext(
                        functionName,
                        Arn.of("lambda", region, account, "function:" + functionName),
                        clock.instant().plus(timeout),
                        clock,
                        log);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Like Lambda, a container whose invocation crashed is not reused: only a clean one
        // goes back to the warm pool.
        idle.add(handler);
        return out.toByteArray();
    }

    /** What Lambda adds to a function's configured environment. */
    private Map<String, String> lambdaEnvironment(
            String functionName, Map<String, String> configured) {
        Map<String, String> env = new HashMap<>(configured == null ? Map.of() : configured);
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.putIfAbsent("AWS_REGION", region);
        env.putIfAbsent("AWS_DEFAULT_REGION", region);
        return Map.copyOf(env);
    }

    private record Warm(String functionName, Map<String, String> environment) {}
}
