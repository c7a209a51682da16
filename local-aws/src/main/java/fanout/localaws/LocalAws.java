package fanout.localaws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dynalite and kinesalite, in memory, in one node child process on 127.0.0.1. Closing it (or the
 * JVM dying, which closes the child's standard input) stops the process.
 *
 * <p>The npm packages come from the repository's {@code package-lock.json}; {@link #findHome()}
 * locates the repository root that holds their {@code node_modules}.
 */
public final class LocalAws implements AutoCloseable {
    private static final Pattern PORTS =
            Pattern.compile("\\{\"kinesis\":(\\d+),\"dynamodb\":(\\d+)}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI kinesisEndpoint;
    private final URI dynamoEndpoint;

    private LocalAws(Process process, int kinesisPort, int dynamoPort) {
        this.process = process;
        this.kinesisEndpoint = URI.create("http://127.0.0.1:" + kinesisPort);
        this.dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
    }

    /** Starts the servers using the npm packages under {@link #findHome()}. */
    public static LocalAws start() {
        return start(findHome().orElseThrow(() -> new LocalAwsException(missingPackagesMessage())));
    }

    /** Starts the servers using the npm packages in {@code home/node_modules}. */
    public static LocalAws start(Path home) {
        Path modules = home.resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("kinesalite"))
                || !Files.isDirectory(modules.resolve("dynalite"))) {
            throw new LocalAwsException(missingPackagesMessage() + " (looked in " + modules + ")");
        }
        Path script = extractScript();
        ProcessBuilder builder =
                new ProcessBuilder(List.of(nodeExecutable(), script.toString()))
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", modules.toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalAwsException(
                    "cannot start node (" + e.getMessage() + "): install Node.js 18 or newer", e);
        }
        try {
            int[] ports = readPorts(process);
            return new LocalAws(process, ports[0], ports[1]);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * The repository root holding {@code node_modules/kinesalite}: the {@code fanout.home} system
     * property, the {@code FANOUT_HOME} variable, or the nearest ancestor of the working directory
     * that has it.
     */
    public static Optional<Path> findHome() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("fanout.home"))
                .map(Path::of)
                .ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("FANOUT_HOME")).map(Path::of).ifPresent(candidates::add);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir);
        }
        return candidates.stream()
                .filter(dir -> Files.isDirectory(dir.resolve("node_modules").resolve("kinesalite")))
                .findFirst();
    }

    public URI kinesisEndpoint() {
        return kinesisEndpoint;
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child exits on end of input or on the signal below; a failed close changes
            // nothing.
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int[] readPorts(Process process) {
        CompletableFuture<String> firstLine =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return new BufferedReader(
                                                new InputStreamReader(
                                                        process.getInputStream(),
                                                        StandardCharsets.UTF_8))
                                        .readLine();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new LocalAwsException(
                    "dynalite/kinesalite did not start within " + START_TIMEOUT.toSeconds() + " s",
                    e);
        } catch (ExecutionException e) {
            throw new LocalAwsException("cannot read the local servers' ports", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalAwsException("interrupted while starting dynalite/kinesalite", e);
        }
        Matcher matcher = PORTS.matcher(line == null ? "" : line);
        if (!matcher.find()) {
            throw new LocalAwsException(
                    "dynalite/kinesalite exited before listening (see the messages above)");
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    private static Path extractScript() {
        try (InputStream in = LocalAws.class.getResourceAsStream("local-aws.js")) {
            if (in == null) {
                throw new LocalAwsException("local-aws.js is missing from the class path");
            }
            Path script = Files.createTempFile("fanout-local-aws", ".js");
            script.toFile().deleteOnExit();
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return script;
        } catch (IOException e) {
            throw new LocalAwsException(
                    "cannot write the local servers' script: " + e.getMessage(), e);
        }
    }

    private static String nodeExecutable() {
        return Optional.ofNullable(System.getenv("FANOUT_NODE")).orElse("node");
    }

    private static String missingPackagesMessage() {
        return "dynalite and kinesalite are not installed: run `npm ci` in the fanout directory";
    }
}
