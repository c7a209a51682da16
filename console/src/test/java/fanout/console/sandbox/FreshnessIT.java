package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Freshness end to end in the sandbox: a student whose stream is deleted shows ERROR in {@code
 * status} within seconds, and OK again soon after the stream is back. The forwarder publishes
 * high-resolution metrics every few seconds and status judges the latest complete 10 s, so the goal
 * is about 20 s; the bound is a generous 90 s so a loaded machine does not fail it, and the
 * measured times are printed (FRESHNESS:).
 */
class FreshnessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(90);

    private static SampleClassSandbox sandbox;
    private static SandboxRuntime runtime;
    private static InProcessCli cli;
    private static Path roster;
    private static SimulatedClass students;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        sandbox = SampleClassSandbox.start(20);
        runtime = sandbox.runtime();
        cli = sandbox.cli();
        roster = sandbox.roster();
        students = sandbox.students();
    }

    @AfterAll
    static void stopTheSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aDeletedStreamShowsAsErrorAndItsReturnAsOkWithinSeconds() throws Exception {
        assertThat(run("deploy").exitCode()).isZero();
        assertThat(run("roster", "import", roster.toString(), "--activate", "--yes").exitCode())
                .isZero();
        assertThat(run("hook").exitCode()).isZero();
        SimulatedStudent student =
                students.students().stream()
                        .filter(s -> s.condition() == StudentCondition.HEALTHY)
                        .findFirst()
                        .orElseThrow();
        KinesisClient account = runtime.accounts().accountView(student.account(), student.region());
        String id = student.id();

        assertThat(waitFor(id, "OK"::equals, Duration.ofMinutes(3)))
                .as("%s OK after the hook", id)
                .isNotNull();

        Instant broken = Instant.now();
        account.deleteStream(b -> b.streamName(student.streamName()));
        Duration toError = waitFor(id, state -> state.equals("ERROR"), BOUND);
        System.out.println("FRESHNESS: stream deleted to ERROR in " + seconds(toError));
        assertThat(toError).as("deleted stream shows as ERROR").isNotNull();
        assertThat(Duration.between(broken, Instant.now())).isLessThanOrEqualTo(BOUND);

        // kinesalite needs a moment to finish deleting before the name can be used again.
        recreate(account, student.streamName());
        Duration toOk = waitFor(id, "OK"::equals, BOUND);
        System.out.println("FRESHNESS: stream re-created to OK in " + seconds(toOk));
        assertThat(toOk).as("re-created stream shows as OK").isNotNull();
    }

    private static void recreate(KinesisClient account, String stream) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (true) {
            try {
                account.createStream(b -> b.streamName(stream).shardCount(1));
                return;
            } catch (software.amazon.awssdk.services.kinesis.model.ResourceInUseException e) {
                if (Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Polls status every second; how long until {@code id}'s state matched, null if never. */
    private static Duration waitFor(String id, Predicate<String> state, Duration bound)
            throws Exception {
        Instant start = Instant.now();
        String last = null;
        while (Duration.between(start, Instant.now()).compareTo(bound) < 0) {
            String now = state(id);
            if (!now.equals(last)) {
                System.out.println(
                        "FRESHNESS: "
                                + Duration.between(start, Instant.now()).toMillis()
                                + " ms: "
                                + id
                                + " "
                                + now);
                last = now;
            }
            if (state.test(now)) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(1000);
        }
        return null;
    }

    private static String state(String id) throws Exception {
        CommandRunner.Result result = cli.run(List.of("status", "--output", "json"));
        for (JsonNode row : JSON.readTree(result.out()).path("destinations")) {
            if (row.path("id").asText().equals(id)) {
                return row.path("state").asText();
            }
        }
        return "MISSING";
    }

    private static String seconds(Duration duration) {
        return duration == null ? "never" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static CommandRunner.Result run(String... args) {
        CommandRunner.Result result = cli.run(List.of(args));
        System.out.println("$ fanout --sandbox " + String.join(" ", args));
        System.out.println(result.out() + result.err() + "(exit " + result.exitCode() + ")");
        return result;
    }
}
