package fanout.forward;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A server on 127.0.0.1 that keeps every request it receives (headers and body) and answers each
 * with the status and body last set, after an optional delay: both ways of making a call are sent
 * to it and compared as the service would read them.
 */
final class CapturingServer implements AutoCloseable {
    /** One request as it arrived. */
    record Received(Map<String, List<String>> headers, byte[] body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private volatile long delayMillis;

    private CapturingServer(HttpServer server) {
        this.server = server;
    }

    /** Started, answering with this content type and these headers. */
    static CapturingServer start(String contentType, Map<String, String> headers) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CapturingServer capturing = new CapturingServer(http);
            http.createContext(
                    "/",
                    exchange -> {
                        capturing.received.add(
                                new Received(
                                        Map.copyOf(exchange.getRequestHeaders()),
                                        exchange.getRequestBody().readAllBytes()));
                        sleep(capturing.delayMillis);
                        byte[] bytes = capturing.answer.getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", contentType);
                        headers.forEach(exchange.getResponseHeaders()::add);
                        exchange.sendResponseHeaders(capturing.status, bytes.length);
                        exchange.getResponseBody().write(bytes);
                        exchange.close();
                    });
            http.start();
            return capturing;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the capturing server", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What it received so far, in order. */
    List<Received> received() {
        return received;
    }

    /** How it answers from now on. */
    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** The SDK's client of this server, as the equivalence tests compare it: no retries. */
    <C, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C sdk(
            B builder, Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        return builder.endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** How long it waits before answering from now on. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
