package fanout.console.selfreg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fanout.selfreg.FunctionUrlEvents;
import fanout.selfreg.SigningSecret;
import fanout.selfreg.SlackCommand;
import fanout.selfreg.SlackSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Does what Slack does for a slash command: signs the form body with the app's signing secret,
 * posts it to the request URL, and (when the answer is "checking") receives the late answer on a
 * loopback response URL. Against AWS the late answer goes to Slack's host and cannot be received
 * here.
 */
final class SlackSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(35);

    private final Clock clock;
    private final HttpServer catcher;
    private final CompletableFuture<Answer> late = new CompletableFuture<>();

    /** One answer: HTTP status, the outcome's kind (registered, refused, ...) and its text. */
    record Answer(int status, String outcome, String text) {}

    /**
     * @param loopback whether late answers can come back here (the endpoint is on this machine)
     */
    SlackSimulator(Clock clock, boolean loopback) throws IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!loopback) {
            this.catcher = null;
            return;
        }
        catcher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        catcher.createContext(
                "/response",
                exchange -> {
                    try (exchange;
                            InputStream in = exchange.getRequestBody()) {
                        JsonNode body = JSON.readTree(in.readNBytes(64 * 1024));
                        late.complete(
                                new Answer(
                                        200,
                                        body.path("fanout_outcome").asText(""),
                                        body.path("text").asText("")));
                        exchange.sendResponseHeaders(200, -1);
                    }
                });
        catcher.start();
    }

    /** Where the late answer goes: here when loopback, else a Slack-shaped URL nobody reads. */
    String responseUrl() {
        return catcher == null
                ? "https://hooks.slack.com/commands/fanout-simulate/" + UUID.randomUUID()
                : "http://127.0.0.1:" + catcher.getAddress().getPort() + "/response";
    }

    Answer send(URI url, SigningSecret secret, SlackCommand command)
            throws IOException, InterruptedException {
        String body = command.toForm(UUID.randomUUID().toString());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header(SlackSignature.TIMESTAMP_HEADER, timestamp)
                        .header(
                                SlackSignature.SIGNATURE_HEADER,
                                SlackSignature.sign(secret, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        HttpResponse<String> response =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()
                        .send(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.has("text")) {
                text = json.path("text").asText();
            }
        } catch (IOException e) {
            // Not Slack's JSON (a 401 or a plain error): show the body as it came.
        }
        return new Answer(
                response.statusCode(),
                response.headers().firstValue(FunctionUrlEvents.Reply.OUTCOME_HEADER).orElse(""),
                text);
    }

    /** The late answer, if one arrives at the loopback response URL in time. */
    Optional<Answer> awaitLate(Duration wait) throws InterruptedException {
        if (catcher == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(late.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (catcher != null) {
            catcher.stop(0);
        }
    }
}
