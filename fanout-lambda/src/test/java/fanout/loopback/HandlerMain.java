package fanout.loopback;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.AwsServices;
import fanout.FanoutHandler;
import fanout.ForwarderConfig;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The handler's JVM, as a Lambda execution environment: builds {@code new FanoutHandler()} (the
 * composition root Lambda uses, configuration from this process's environment), then answers one
 * invocation per input line ({@code {"remainingMs": n, "event": {...}}}) with a line starting
 * {@value #MARK} holding the answer and the JVM's figures (process CPU, threads, heap).
 */
public final class HandlerMain {
    public static final String MARK = "@@";

    /** Names another handler class to run instead of {@link FanoutHandler} (a reference model). */
    public static final String HANDLER_PROPERTY = "loopback.handler";

    /** The environment's clock: the machine's, moved on as the world's was (a thawed freeze). */
    private static final MovableClock CLOCK = new MovableClock();

    private HandlerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err); // the handler's own output must not mix with the answers
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        RequestStreamHandler handler = handler(System.getProperty(HANDLER_PROPERTY));
        ObjectNode ready = figures(json);
        ready.put("initMs", (System.nanoTime() - start) / 1_000_000);
        protocol.println(MARK + json.writeValueAsString(ready));
        protocol.flush();
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode request = json.readTree(line);
            CLOCK.offset = Duration.ofMillis(request.path("clockOffsetMs").asLong());
            long deadline = System.currentTimeMillis() + request.path("remainingMs").asLong();
            byte[] event = json.writeValueAsBytes(request.path("event"));
            long cpu = cpuNanos();
            long wall = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, new Remaining(deadline));
            ObjectNode answer = figures(json);
            answer.put("wallMs", (System.nanoTime() - wall) / 1_000_000.0);
            answer.put("cpuMs", (cpuNanos() - cpu) / 1_000_000.0);
            answer.set("response", json.readTree(out.toByteArray()));
            protocol.println(MARK + json.writeValueAsString(answer));
            protocol.flush();
        }
        if (handler instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The real handler, or (for the benchmark's reference) another one by class name. */
    private static RequestStreamHandler handler(String className)
            throws ReflectiveOperationException {
        if (className == null || className.isBlank()) {
            // What `new FanoutHandler()` builds, on the environment's clock.
            Map<String, String> environment = System.getenv();
            return new FanoutHandler(
                    environment,
                    AwsServices.create(ForwarderConfig.fromEnvironment(environment), CLOCK));
        }
        return (RequestStreamHandler)
                Class.forName(className).getDeclaredConstructor().newInstance();
    }

    private static ObjectNode figures(ObjectMapper json) {
        var threads = ManagementFactory.getThreadMXBean();
        var memory = ManagementFactory.getMemoryMXBean();
        ObjectNode figures = json.createObjectNode();
        figures.put("liveThreads", threads.getThreadCount());
        figures.put("peakThreads", threads.getPeakThreadCount());
        figures.put("heapMb", memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024));
        figures.put("processCpuMs", cpuNanos() / 1_000_000.0);
        return figures;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's clock plus an offset the invocations set. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the environment's clock is UTC");
        }
    }

    /** A Lambda context that knows its deadline, as Lambda's does. */
    private record Remaining(long deadlineMillis) implements Context {
        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
        }

        @Override
        public String getAwsRequestId() {
            return "loopback";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/fanout";
        }

        @Override
        public String getLogStreamName() {
            return "loopback";
        }

        @Override
        public String getFunctionName() {
            return "fanout";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-west-2:123456789012:function:fanout";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
