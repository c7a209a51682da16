package fanout.console.sandbox;

import fanout.console.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandbox down}: stops the running sandbox and everything it started. */
@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stop the sandbox started with `sandbox up` and every process it started.")
public final class SandboxDownCommand implements Callable<Integer> {
    private static final Duration POLITE = Duration.ofSeconds(20);
    private static final Duration FIRM = Duration.ofSeconds(10);

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SandboxDirectory directory = SandboxDirectory.inWorkingDirectory();
        Optional<SandboxInfo> info = directory.readInfo();
        if (info.isEmpty()) {
            out.println("no sandbox is running");
            return ExitCodes.OK;
        }
        long pid = info.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent()) {
            askToStop(directory, info.get());
            if (!waitForExit(process.get(), POLITE)) {
                process.get().destroy();
                if (!waitForExit(process.get(), FIRM)) {
                    process.get().destroyForcibly();
                    waitForExit(process.get(), FIRM);
                }
            }
        }
        directory.remove(pid);
        out.println("sandbox stopped (pid " + pid + ")");
        return ExitCodes.OK;
    }

    private static void askToStop(SandboxDirectory directory, SandboxInfo info) {
        try {
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(info.control() + "/shutdown"))
                                    .header("Authorization", "Bearer " + directory.readToken(info))
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The process is stopped by signal below when it does not answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout)
            throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }
}
