package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda execution environment: a JVM running {@link HandlerMain} on the test classpath, with
 * only the environment given (as Lambda sets it) and Lambda's JVM flags for Java. An invocation
 * that outlives its timeout kills the JVM, as Lambda resets a timed-out environment.
 */
public final class HandlerProcess implements AutoCloseable {
    /** Lambda's defaults for its Java runtimes: C1 only, the serial collector. */
    static final List<String> LAMBDA_JVM_FLAGS =
            List.of(
                    "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-Xmx512m");

    private static final String EOF = "\u0000eof";

    /** What became of an invocation. */
    public sealed interface Invocation {
        /** The handler answered: its JSON and the JVM's figures after it. */
        record Answered(JsonNode response, JsonNode figures) implements Invocation {}

        /** The function timed out; the environment was killed. */
        record TimedOut() implements Invocation {}

        /** The JVM died. */
        record Crashed(String why) implements Invocation {}
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final OutputStream input;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final JsonNode ready;

    private HandlerProcess(Process process, Duration initTimeout) {
        this.process = process;
        this.input = process.getOutputStream();
        Thread reader = new Thread(this::readAnswers, "handler-" + process.pid() + "-out");
        reader.setDaemon(true);
        reader.start();
        JsonNode first = next(initTimeout);
        if (first == null) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the handler JVM did not start within " + initTimeout + " (see its log)");
        }
        this.ready = first;
    }

    /** Starts an environment; its stderr (the handler's log) goes to {@code log}. */
    public static HandlerProcess start(
            Map<String, String> env,
            List<String> systemProperties,
            Path log,
            Duration initTimeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(systemProperties);
        // -Dloopback.jvmArgs="-XX:StartFlightRecording=..." profiles the environment (issue 11).
        String extra = System.getProperty("loopback.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HandlerMain.class.getName());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.putAll(env);
        try {
            return new HandlerProcess(builder.start(), initTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the handler JVM", e);
        }
    }

    /** The figures after the cold start: {@code initMs}, threads, heap. */
    public JsonNode ready() {
        return ready;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Invokes with this much remaining time; waits that long plus a grace, then kills. */
    public Invocation invoke(JsonNode event, long remainingMillis) {
        return invoke(event, remainingMillis, Duration.ZERO);
    }

    /**
     * The same, the environment's clock {@code clockOffset} past the machine's: a container thawed
     * after a freeze finds its clock moved on with the world's.
     */
    public Invocation invoke(JsonNode event, long remainingMillis, Duration clockOffset) {
        ObjectNode request = json.createObjectNode();
        request.put("remainingMs", remainingMillis);
        request.put("clockOffsetMs", clockOffset.toMillis());
        request.set("event", event);
        try {
            input.write(json.writeValueAsBytes(request));
            input.write('\n');
            input.flush();
        } catch (IOException e) {
            return new Invocation.Crashed("cannot write to the handler JVM: " + e.getMessage());
        }
        JsonNode answer = next(Duration.ofMillis(remainingMillis + 500));
        if (answer == null) {
            boolean exited = !process.isAlive();
            kill();
            return exited
                    ? new Invocation.Crashed("the handler JVM exited")
                    : new Invocation.TimedOut();
        }
        return new Invocation.Answered(answer.path("response"), answer);
    }

    private JsonNode next(Duration timeout) {
        try {
            String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line.equals(EOF)) {
                return null;
            }
            return json.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("an answer line that is not JSON", e);
        }
    }

    private void readAnswers() {
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(HandlerMain.MARK)) {
                    answers.add(line.substring(HandlerMain.MARK.length()));
                }
            }
        } catch (IOException e) {
            // The JVM was killed: the EOF below says so.
        }
        answers.add(EOF);
    }

    private void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            input.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
