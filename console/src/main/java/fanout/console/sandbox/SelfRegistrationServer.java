package fanout.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fanout.console.aws.AwsClients;
import fanout.selfreg.Continuation;
import fanout.selfreg.FunctionUrlEvents;
import fanout.selfreg.LambdaTargetCheck;
import fanout.selfreg.LateAnswers;
import fanout.selfreg.SelfRegistrationConfig;
import fanout.selfreg.SelfRegistrationServices;
import fanout.selfreg.SlackHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The sandbox's function URLs for self-registration: {@code POST /slack/<function>} on 127.0.0.1
 * runs the real {@link SlackHandler}, configured from that function's environment in the sandbox's
 * Lambda (so nothing answers before {@code deploy --self-registration}), against the sandbox's
 * DynamoDB and its Lambda (whose fan-out function checks the simulated student accounts). Late
 * answers go to loopback response URLs; the "checking" continuation runs in-process.
 */
final class SelfRegistrationServer implements AutoCloseable {
    static final String PATH = "/slack/";
    static final String LOOPBACK = "http://127.0.0.1:";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final AwsClients aws;
    private final Clock clock;
    private final Consumer<String> log;
    private final ExecutorService executor;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Map<String, String>, SlackHandler> handlers = new ConcurrentHashMap<>();

    SelfRegistrationServer(
            AwsClients aws, Clock clock, Consumer<String> log, ExecutorService executor)
            throws IOException {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The URL of {@code function}'s endpoint, as its function URL would be on AWS. */
    URI url(String function) {
        return URI.create(LOOPBACK + server.getAddress().getPort() + PATH + function);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String function = exchange.getRequestURI().getPath().substring(PATH.length());
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "use POST");
                return;
            }
            FunctionConfiguration configuration;
            try {
                configuration =
                        aws.lambda().getFunction(r -> r.functionName(function)).configuration();
            } catch (ResourceNotFoundException e) {
                reply(
                        exchange,
                        404,
                        "text/plain",
                        "function "
                                + function
                                + " is not deployed: ./fanout --sandbox deploy"
                                + " --self-registration");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name, values.get(0)));
            serve(exchange, configuration, headers, body);
        }
    }

    private void serve(
            HttpExchange exchange,
            FunctionConfiguration configuration,
            Map<String, String> headers,
            byte[] body)
            throws IOException {
        SlackHandler handler;
        try {
            handler = handler(configuration);
        } catch (IllegalArgumentException e) {
            // As Lambda answers when the function's cold start fails.
            reply(exchange, 502, "text/plain", "the function failed to start: " + e.getMessage());
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(
                        json.writeValueAsBytes(FunctionUrlEvents.event(json, headers, body))),
                out,
                null);
        JsonNode answer = json.readTree(out.toByteArray());
        int status = answer.path("statusCode").asInt(502);
        log.accept("self-registration request answered " + status);
        // Every header the function set, as Lambda's function URL passes them on.
        answer.path("headers")
                .fields()
                .forEachRemaining(
                        header ->
                                exchange.getResponseHeaders()
                                        .set(header.getKey(), header.getValue().asText()));
        reply(
                exchange,
                status,
                answer.path("headers").path("Content-Type").asText("text/plain"),
                answer.path("body").asText(""));
    }

    private SlackHandler handler(FunctionConfiguration configuration) {
        Map<String, String> env = new HashMap<>();
        if (configuration.environment() != null
                && configuration.environment().variables() != null) {
            env.putAll(configuration.environment().variables());
        }
        env.put(SelfRegistrationConfig.FUNCTION_NAME, configuration.functionName());
        env.put(SelfRegistrationConfig.REGION, aws.region());
        Map<String, String> key = Map.copyOf(env);
        SlackHandler existing = handlers.get(key);
        if (existing != null) {
            return existing;
        }
        SelfRegistrationConfig config = SelfRegistrationConfig.fromEnvironment(key, LOOPBACK);
        SlackHandler created =
                new SlackHandler(
                        config,
                        new SelfRegistrationServices(
                                aws.dynamo(),
                                new LambdaTargetCheck(
                                        aws.lambda(), config.forwarderFunction(), json),
                                Continuation.inProcess(executor),
                                new LateAnswers(LOOPBACK, json),
                                clock));
        SlackHandler raced = handlers.putIfAbsent(key, created);
        if (raced != null) {
            created.close();
            return raced;
        }
        return created;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.values().forEach(SlackHandler::close);
    }
}
