package fanout.loopback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A loopback AWS on 127.0.0.1 (ephemeral port) speaking the wire protocols SDK v2 uses: Kinesis
 * JSON 1.1, DynamoDB JSON 1.0 (passed to dynalite), STS and CloudWatch Query. One endpoint for
 * every service ({@code aws.endpointUrl}); every answer waits the configured latency.
 */
public final class LoopbackAws implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LoopbackAws.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] DYNAMO_HEADERS = {
        "Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date", "X-Amz-Security-Token"
    };

    private final HttpServer server;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final ExecutorService pool;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final SinkFaults faults = new SinkFaults();
    private final LoopbackStreams streams = new LoopbackStreams();
    private final StsWire sts = new StsWire(faults);
    private final KinesisWire kinesis = new KinesisWire(streams, faults, sts);
    private final CloudWatchWire cloudWatch = new CloudWatchWire(faults);
    private final DynamoProxy dynamo;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong cpuNanos = new AtomicLong();

    private LoopbackAws(HttpServer server, ExecutorService pool, URI dynalite) {
        this.server = server;
        this.pool = pool;
        this.dynamo = new DynamoProxy(dynalite, faults);
    }

    static {
        // The JDK's server writes an answer's head and body apart; with Nagle's algorithm on, the
        // body waits for the client's delayed ACK of the head (up to 40 ms on Linux): a wait per
        // call that no AWS endpoint adds. Read once, when the server's configuration loads.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    /** Starts the sink; DynamoDB calls go on to {@code dynalite}. */
    public static LoopbackAws start(URI dynalite) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "loopback-aws-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            LoopbackAws sink = new LoopbackAws(server, pool, dynalite);
            server.createContext("/", sink::serve);
            server.setExecutor(pool);
            server.start();
            return sink;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new IllegalStateException("the loopback sink cannot listen on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SinkFaults faults() {
        return faults;
    }

    public LoopbackStreams streams() {
        return streams;
    }

    /** Registers the function's own credentials (its execution role, as Lambda hands them). */
    public void ownKey(String accessKey, String sessionToken, String account) {
        sts.ownKey(accessKey, sessionToken, account);
    }

    /** Moves the sink's clock: credentials issued before may now be expired. */
    public void advanceClock(Duration by) {
        sts.advanceClock(by);
    }

    /** How far {@link #advanceClock} has moved this AWS's clock past the machine's. */
    public Duration clockOffset() {
        return sts.clockOffset();
    }

    /** The sum of a count metric the handler published for a target. */
    public long metricSum(String metric, String target) {
        return cloudWatch.sum(metric, target);
    }

    public long metricCalls() {
        return cloudWatch.calls();
    }

    public long metricDatums() {
        return cloudWatch.datums();
    }

    public long stsThrottled() {
        return sts.throttledCalls();
    }

    /** TCP connections the clients opened so far (distinct remote addresses). */
    public long connectionsOpened() {
        return connections.size();
    }

    /**
     * CPU the sink's request threads spent so far (reading, checking, answering; the injected
     * latency parks and costs none), so a benchmark can show the sink is not what it measures.
     * Leaves out the HTTP dispatcher thread and the garbage collector.
     */
    public Duration cpu() {
        return Duration.ofNanos(cpuNanos.get());
    }

    /** Calls answered so far, per "Service.Operation". */
    public Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = THREADS.getCurrentThreadCpuTime();
        try {
            answer(exchange);
        } finally {
            cpuNanos.addAndGet(Math.max(0, THREADS.getCurrentThreadCpuTime() - started));
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            connections.add(exchange.getRemoteAddress());
            var headers = exchange.getRequestHeaders();
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = readBody(in, headers.getFirst("Content-Length"));
            }
            WireRequest request =
                    WireRequest.of(
                            headers.getFirst("X-Amz-Target"),
                            headers.getFirst("Content-Encoding"),
                            headers.getFirst("Authorization"),
                            headers.getFirst("X-Amz-Security-Token"),
                            raw);
            WireResponse response;
            try {
                response = dispatch(request, headers);
            } catch (RuntimeException | IOException e) {
                LOG.log(Level.WARNING, "loopback sink failed a request", e);
                response =
                        WireResponse.jsonError(
                                500,
                                WireResponse.JSON_11,
                                "InternalFailure",
                                String.valueOf(e.getMessage()));
            }
            long waitMillis = faults.latency().plus(response.delay()).toMillis();
            if (waitMillis > 0 && closing.await(waitMillis, TimeUnit.MILLISECONDS)) {
                return; // closing: drop the connection
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", "loopback");
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(
                    response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (its attempt timed out): nothing to answer.
        }
    }

    /**
     * The body in one array of its declared length (readAllBytes gathers 8 KiB chunks and copies
     * them, twice the bytes of every PutRecords); anything past the declared length is kept.
     */
    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        int declared;
        try {
            declared = contentLength == null ? -1 : Integer.parseInt(contentLength.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared < 0 || declared > KinesisWire.MAX_CALL_BYTES * 2) {
            return in.readAllBytes();
        }
        byte[] body = new byte[declared];
        int read = in.readNBytes(body, 0, declared);
        byte[] rest = in.readAllBytes();
        if (read == declared && rest.length == 0) {
            return body;
        }
        byte[] all = Arrays.copyOf(body, read + rest.length);
        System.arraycopy(rest, 0, all, read, rest.length);
        return all;
    }

    private WireResponse dispatch(WireRequest request, com.sun.net.httpserver.Headers headers)
            throws IOException {
        String target = request.target();
        if (target.startsWith(KinesisWire.PREFIX)) {
            count("Kinesis." + target.substring(KinesisWire.PREFIX.length()));
            return kinesis.handle(request);
        }
        if (target.startsWith(DynamoProxy.PREFIX)) {
            count("DynamoDB." + target.substring(DynamoProxy.PREFIX.length()));
            Map<String, String> forwarded = new LinkedHashMap<>();
            for (String name : DYNAMO_HEADERS) {
                if (headers.getFirst(name) != null) {
                    forwarded.put(name, headers.getFirst(name));
                }
            }
            return dynamo.handle(request, forwarded);
        }
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        count((action.equals("AssumeRole") ? "STS." : "CloudWatch.") + action);
        return switch (action) {
            case "AssumeRole" -> sts.assumeRole(form);
            case "PutMetricData" -> cloudWatch.putMetricData(form);
            default ->
                    WireResponse.queryError(
                            400,
                            "InvalidAction",
                            "the loopback sink does not answer '" + action + "'");
        };
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
