package fanout.console.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sandbox up --detach}: starts {@code sandbox up} in a new JVM (same java, same class path),
 * its output in {@code .fanout/sandbox.log}, and returns once it has written {@code sandbox.json}.
 */
final class DetachedSandbox {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int LOG_TAIL_LINES = 30;

    private final SandboxDirectory directory;

    DetachedSandbox(SandboxDirectory directory) {
        this.directory = directory;
    }

    /** True once the sandbox is ready; false after printing why it did not start. */
    boolean start(SandboxOptions options, String workshop, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Optional<SandboxInfo> running = SandboxHost.running(directory);
        if (running.isPresent()) {
            err.println(
                    "error: a sandbox is already running (pid "
                            + running.get().pid()
                            + "): stop it with `./fanout sandbox down`");
            return false;
        }
        directory.remove(-1);
        Files.createDirectories(directory.logFile().getParent());
        Files.deleteIfExists(directory.logFile());
        Process child =
                new ProcessBuilder(command(options, workshop))
                        .redirectErrorStream(true)
                        .redirectOutput(directory.logFile().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<SandboxInfo> info = directory.readInfo();
            if (info.isPresent() && info.get().pid() == child.pid()) {
                out.printf(
                        "sandbox running (pid %d), source %s, control %s; log: %s%n",
                        child.pid(),
                        info.get().sourceArn(),
                        info.get().control(),
                        directory.logFile());
                out.println("use it: ./fanout --sandbox VERB ...; stop it: ./fanout sandbox down");
                return true;
            }
            if (!child.isAlive()) {
                return failed(err, "the sandbox exited (code " + child.exitValue() + ")");
            }
            Thread.sleep(100);
        }
        child.destroy();
        return failed(
                err, "the sandbox did not get ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /** Says why the sandbox did not start, with the end of its log; false. */
    private boolean failed(PrintWriter err, String why) {
        err.println("error: " + why + "; the end of its log:");
        err.println(tail(directory.logFile()));
        return false;
    }

    private static List<String> command(SandboxOptions options, String workshop) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Daws.cborEnabled=false");
        Optional.ofNullable(System.getProperty("fanout.home"))
                .ifPresent(home -> command.add("-Dfanout.home=" + home));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("fanout.console.Main");
        command.add("--workshop");
        command.add(workshop);
        command.add("sandbox");
        command.add("up");
        if (options.roster != null) {
            command.add("--class");
            command.add(options.roster.toAbsolutePath().toString());
        }
        command.add("--rate");
        command.add(Double.toString(options.rate));
        return command;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(
                    System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
