package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import fanout.localaws.LocalAws;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Students register themselves in a real sandbox: the loopback endpoint runs the real Slack
 * handler, which asks the real forwarder (in the in-memory Lambda) to check the simulated student
 * accounts, and writes to dynalite. Driven through the same in-process command line as {@code
 * ./fanout --sandbox}: deploy --self-registration, selfreg simulate, lock, list.
 */
class SelfRegistrationSandboxIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxRuntime runtime;
    private static InProcessCli cli;
    private static SelfRegistrationServer server;
    private static ExecutorService threads;
    @TempDir static Path dir;
    private static Path secret;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        Optional<Path> home = LocalAws.findHome();
        WorkshopCatalog catalog = new WorkshopCatalog(home);
        Workshop workshop = catalog.load("hello-retail");
        Path roster = home.orElseThrow().resolve("workshops/hello-retail/rosters/sample-class.csv");
        SimulatedClass students;
        try (InputStream in = Files.newInputStream(roster)) {
            students = SimulatedClass.read(in, roster.toString(), workshop);
        }
        Clock clock = Clock.systemUTC();
        runtime =
                SandboxRuntime.start(
                        new SandboxSettings(home, students, 0, SandboxServices::new),
                        clock,
                        line -> {});
        cli = new InProcessCli(new SandboxSessionFactory(catalog, runtime.clients(), clock));
        threads = Executors.newCachedThreadPool();
        server = new SelfRegistrationServer(runtime.clients(), clock, line -> {}, threads);
        secret = new SandboxDirectory(dir).signingSecretFile();
        new SandboxDirectory(dir).newSigningSecret();
    }

    @AfterAll
    static void stopTheSandbox() {
        if (server != null) {
            server.close();
            threads.shutdownNow();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static CommandRunner.Result run(String... args) {
        return cli.run(List.of(args));
    }

    private static CommandRunner.Result simulate(String... args) {
        List<String> line = new ArrayList<>(List.of("selfreg", "simulate"));
        line.addAll(List.of(args));
        line.addAll(
                List.of(
                        "--url",
                        server.url("fanout-selfreg").toString(),
                        "--signing-secret-file",
                        secret.toString()));
        return cli.run(line);
    }

    private static String role(String id, String account) {
        return "arn:aws:iam::" + account + ":role/" + id + "StreamWriter";
    }

    private static String stream(String id, String account) {
        return "arn:aws:kinesis:us-west-2:" + account + ":stream/" + id + "Stream";
    }

    @Test
    void studentsRegisterThemselvesAndSeeTheRealOutcome() throws Exception {
        CommandRunner.Result deploy =
                run("deploy", "--self-registration", "--signing-secret-file", secret.toString());
        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
        assertThat(deploy.out())
                .containsPattern("function URL +(created|up to date)")
                .contains("Self-registration URL");

        CommandRunner.Result ada =
                simulate(
                        "--role-arn",
                        role("ab12", "111122223333"),
                        "--stream-arn",
                        stream("ab12", "111122223333"),
                        "--user",
                        "ada");
        assertThat(ada.exitCode()).as(ada.out() + ada.err()).isZero();
        assertThat(ada.out())
                .contains("registered: Registered ab12")
                .contains("stream ab12Stream is ACTIVE");

        CommandRunner.Result denied =
                simulate(
                        "--role-arn",
                        role("uv66", "999900001111"),
                        "--stream-arn",
                        stream("uv66", "999900001111"),
                        "--user",
                        "ugo");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.out())
                .contains("The class's fan-out role cannot assume")
                .contains(
                        "\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/fanoutRole\"}");

        CommandRunner.Result missing =
                simulate(
                        "--role-arn",
                        role("st55", "888899990000"),
                        "--stream-arn",
                        stream("st55", "888899990000"),
                        "--user",
                        "sofia");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out())
                .contains("Stream st55Stream does not exist in us-west-2 of account 888899990000");

        JsonNode rows = JSON.readTree(run("list", "--output", "json").out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("id").asText()).isEqualTo("ab12");
        assertThat(rows.get(0).path("origin").asText()).isEqualTo("selfreg");
        assertThat(rows.get(0).path("active").asBoolean()).isTrue();

        CommandRunner.Result unhook =
                simulate(
                        "--command",
                        "/unhook-stream",
                        "--stream-arn",
                        stream("ab12", "111122223333"),
                        "--user",
                        "ada");
        assertThat(unhook.exitCode()).as(unhook.out()).isZero();
        assertThat(unhook.out()).contains("Unregistered ab12");
        assertThat(JSON.readTree(run("list", "--output", "json").out())).isEmpty();

        assertThat(run("selfreg", "lock").exitCode()).isZero();
        CommandRunner.Result locked =
                simulate(
                        "--role-arn",
                        role("cd34", "111122223333"),
                        "--stream-arn",
                        stream("cd34", "111122223333"),
                        "--user",
                        "charles");
        assertThat(locked.exitCode()).isEqualTo(1);
        assertThat(locked.out()).contains("Registration is closed");
        assertThat(run("selfreg", "unlock").exitCode()).isZero();
        assertThat(
                        simulate(
                                        "--role-arn",
                                        role("cd34", "111122223333"),
                                        "--stream-arn",
                                        stream("cd34", "111122223333"),
                                        "--user",
                                        "charles")
                                .exitCode())
                .isZero();
    }

    @Test
    void beforeDeployTheEndpointSaysWhatToDeploy() {
        List<String> line =
                List.of(
                        "selfreg",
                        "simulate",
                        "--role-arn",
                        role("ab12", "111122223333"),
                        "--stream-arn",
                        stream("ab12", "111122223333"),
                        "--url",
                        server.url("fanout-nothere-selfreg").toString(),
                        "--signing-secret-file",
                        secret.toString());
        CommandRunner.Result before = cli.run(line);
        assertThat(before.exitCode()).isEqualTo(3);
        assertThat(before.out())
                .contains("HTTP 404")
                .contains("function fanout-nothere-selfreg is not deployed");
    }

    @Test
    void aRequestSignedWithAnotherSecretGets401AndWritesNothing() throws Exception {
        // Deploy is idempotent: whichever test runs first deploys, the other finds it up to date.
        assertThat(
                        run(
                                        "deploy",
                                        "--self-registration",
                                        "--signing-secret-file",
                                        secret.toString())
                                .exitCode())
                .isZero();
        Path wrong = dir.resolve("wrong-secret");
        Files.writeString(wrong, "not-the-app-secret");
        List<String> line =
                List.of(
                        "selfreg",
                        "simulate",
                        "--role-arn",
                        role("ef56", "444455556666"),
                        "--stream-arn",
                        stream("ef56", "444455556666"),
                        "--url",
                        server.url("fanout-selfreg").toString(),
                        "--signing-secret-file",
                        wrong.toString());
        CommandRunner.Result result = cli.run(line);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("HTTP 401");
        assertThat(run("list", "--output", "json").out()).doesNotContain("ef56");
    }
}
