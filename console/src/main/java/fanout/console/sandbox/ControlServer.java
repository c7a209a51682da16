package fanout.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The sandbox's loopback control channel: {@code POST /run} runs a console command line in the
 * sandbox process, {@code POST /shutdown} stops the sandbox. Every request carries the token from
 * the owner-only token file, so other local users cannot drive the class.
 */
public final class ControlServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final byte[] expected;
    private final CommandRunner runner;
    private final Runnable onShutdown;
    private final HttpServer server;

    public ControlServer(String token, CommandRunner runner, Runnable onShutdown, Executor executor)
            throws IOException {
        this.expected =
                ("Bearer " + Objects.requireNonNull(token, "token"))
                        .getBytes(StandardCharsets.UTF_8);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.onShutdown = Objects.requireNonNull(onShutdown, "onShutdown");
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Objects.requireNonNull(executor, "executor"));
        server.createContext("/run", exchange -> handle(exchange, this::run));
        server.createContext("/shutdown", exchange -> handle(exchange, this::shutdown));
        server.start();
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Route {
        void serve(HttpExchange exchange) throws IOException;
    }

    private void handle(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, error("use POST"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null
                    || !MessageDigest.isEqual(
                            expected, authorization.getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 401, error("missing or wrong token (see .fanout/sandbox.json)"));
                return;
            }
            route.serve(exchange);
        }
    }

    private void run(HttpExchange exchange) throws IOException {
        List<String> args = new ArrayList<>();
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = JSON.readTree(in.readNBytes(MAX_BODY_BYTES));
            JsonNode array = body == null ? null : body.get("args");
            if (array == null || !array.isArray()) {
                reply(exchange, 400, error("the body must be {\"args\": [...]}"));
                return;
            }
            array.forEach(arg -> args.add(arg.asText()));
        } catch (IOException e) {
            reply(exchange, 400, error("the body is not JSON: " + e.getMessage()));
            return;
        }
        CommandRunner.Result result = runner.run(args);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("exitCode", result.exitCode());
        answer.put("out", result.out());
        answer.put("err", result.err());
        reply(exchange, 200, answer);
    }

    private void shutdown(HttpExchange exchange) throws IOException {
        reply(exchange, 200, JSON.createObjectNode().put("stopping", true));
        onShutdown.run();
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
