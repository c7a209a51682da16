package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fanout.console.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlChannelTest {
    @TempDir Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<List<String>> ran = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ControlServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    private SandboxDirectory startSandbox() throws Exception {
        SandboxDirectory directory = new SandboxDirectory(dir.resolve(".fanout"));
        String token = directory.newToken();
        server =
                new ControlServer(
                        token,
                        args -> {
                            ran.add(args);
                            return new CommandRunner.Result(
                                    4, "out of " + args.get(0) + "\n", "warned\n");
                        },
                        () -> stopped.set(true),
                        executor);
        directory.writeInfo(
                new SandboxInfo(
                        ProcessHandle.current().pid(),
                        "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream",
                        server.address().toString(),
                        directory.tokenFile().toString()));
        return directory;
    }

    private static HttpResponse<String> post(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"args\":[\"list\"]}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestWithoutTheRightTokenIsRefusedAndRunsNothing() throws Exception {
        startSandbox();
        URI run = URI.create(server.address() + "/run");

        assertThat(post(run, null).statusCode()).isEqualTo(401);
        assertThat(post(run, "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post(URI.create(server.address() + "/shutdown"), "Bearer wrong").statusCode())
                .isEqualTo(401);
        assertThat(ran).isEmpty();
        assertThat(stopped).isFalse();
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnly() throws Exception {
        SandboxDirectory directory = startSandbox();

        assertThat(Files.getPosixFilePermissions(directory.tokenFile()))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(directory.tokenFile())).matches("[0-9a-f]{64}");
    }

    @Test
    void aForwardedCommandRunsInTheSandboxAndComesBackWithItsOutputAndExitCode() throws Exception {
        SandboxDirectory directory = startSandbox();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode =
                Cli.forwardToSandbox(
                        new SandboxForwarder(directory),
                        new String[] {"--sandbox", "status", "--output", "json", "--", "--sandbox"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(4);
        assertThat(ran).containsExactly(List.of("status", "--output", "json", "--", "--sandbox"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out of status\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warned\n");
    }

    @Test
    void shutdownWithTheTokenStopsTheSandbox() throws Exception {
        SandboxDirectory directory = startSandbox();
        String token = Files.readString(directory.tokenFile());

        HttpResponse<String> response =
                post(URI.create(server.address() + "/shutdown"), "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        // The answer goes out first, so the caller hears back before the sandbox stops.
        await().atMost(Duration.ofSeconds(5)).untilTrue(stopped);
    }

    @Test
    void withoutARunningSandboxForwardingFailsWithAHint() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode =
                Cli.forwardToSandbox(
                        new SandboxForwarder(new SandboxDirectory(dir.resolve("nothing"))),
                        new String[] {"--sandbox", "list"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no sandbox is running: start one with `./fanout sandbox up --detach`");
    }

    @Test
    void aLiveViewIsNotForwardedSinceItWouldNeverAnswer() throws Exception {
        SandboxDirectory directory = startSandbox();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode =
                Cli.forwardToSandbox(
                        new SandboxForwarder(directory),
                        new String[] {"--sandbox", "status", "--watch"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("./fanout sandbox");
        assertThat(ran).isEmpty();
    }

    @Test
    void onlyTheSandboxFlagBeforeTheEndOfOptionsAsksForForwarding() {
        assertThat(SandboxForwarder.requested(new String[] {"list", "--sandbox"})).isTrue();
        assertThat(SandboxForwarder.requested(new String[] {"register", "--", "--sandbox"}))
                .isFalse();
        assertThat(SandboxForwarder.requested(new String[] {"sandbox", "up"})).isFalse();
    }
}
