package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reported defect, end to end in the sandbox: a class hooked at TRIM_HORIZON after a minute of
 * backlog shows its healthy students OK within 90 s of the hook and keeps them OK for the next
 * minute while the backlog is read; probes report each healthy student's round trip and name the
 * broken ones; results has one row per student.
 */
class ClassDashboardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BROKEN = List.of("st55", "uv66", "wx77");
    private static final Duration BACKLOG = Duration.ofSeconds(60);
    private static final Duration STAY_OK = Duration.ofSeconds(60);

    private static SampleClassSandbox sandbox;
    private static InProcessCli cli;
    private static Path roster;
    private static SimulatedClass students;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        sandbox = SampleClassSandbox.start(20);
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
    void hookedAfterABacklogHealthyStudentsAreOkWithin90SecondsStayOkAndProbesNameTheBroken()
            throws Exception {
        assertThat(run("deploy").exitCode()).isZero();
        assertThat(run("roster", "import", roster.toString(), "--activate", "--yes").exitCode())
                .isZero();
        Thread.sleep(BACKLOG.toMillis());
        assertThat(run("hook", "--starting-position", "TRIM_HORIZON").exitCode()).isZero();
        Instant hooked = Instant.now();

        Instant allOk = null;
        List<String> timeline = new ArrayList<>();
        // Watch until the healthy students have stayed OK for a minute of catch-up (the backlog is
        // read while they show OK), or 150 s at most when they never get there.
        while (Duration.between(hooked, Instant.now()).compareTo(Duration.ofSeconds(150)) < 0
                && (allOk == null
                        || Duration.between(allOk, Instant.now()).compareTo(STAY_OK) < 0)) {
            Map<String, JsonNode> status = status();
            long seconds = Duration.between(hooked, Instant.now()).toSeconds();
            List<String> notOk = new ArrayList<>();
            for (SimulatedStudent student : students.students()) {
                if (!BROKEN.contains(student.id())) {
                    String state = status.get(student.id()).path("state").asText();
                    if (!state.equals("OK")) {
                        notOk.add(student.id() + "=" + state);
                    }
                }
            }
            timeline.add(seconds + " s: " + (notOk.isEmpty() ? "all healthy OK" : notOk));
            if (allOk == null && notOk.isEmpty()) {
                allOk = Instant.now();
            }
            if (allOk != null) {
                assertThat(notOk)
                        .as("healthy students stay OK once OK (%d s after the hook)", seconds)
                        .isEmpty();
            }
            Thread.sleep(5000);
        }
        timeline.forEach(line -> System.out.println("DASH TIMELINE: " + line));
        assertThat(allOk).as("all healthy students OK").isNotNull();
        long toOk = Duration.between(hooked, allOk).toSeconds();
        System.out.println("DASH TIMING: hook to all healthy OK in " + toOk + " s");
        assertThat(toOk).isLessThanOrEqualTo(90);

        CommandRunner.Result probe = run("probe", "--timeout", "30s", "--output", "json");
        assertThat(probe.exitCode()).as("some students are broken").isEqualTo(4);
        Map<String, JsonNode> results = new HashMap<>();
        JSON.readTree(probe.out()).forEach(r -> results.put(r.path("id").asText(), r));
        assertThat(results).hasSize(students.students().size());
        for (SimulatedStudent student : students.students()) {
            JsonNode result = results.get(student.id());
            if (student.id().equals("st55") || student.id().equals("uv66")) {
                assertThat(result.path("delivered").asBoolean()).as(student.id()).isFalse();
                assertThat(result.path("error").asText()).as(student.id()).isNotEmpty();
            } else if (!BROKEN.contains(student.id())) {
                assertThat(result.path("delivered").asBoolean()).as(student.id()).isTrue();
                assertThat(result.path("roundTripMs").asLong())
                        .as(student.id())
                        .isBetween(1L, 30_000L);
            }
        }

        CommandRunner.Result csv = run("results", "--output", "csv");
        String[] lines = csv.out().split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "id,name,helper,first_ok_at,minutes_not_ok,records_received,errors,final_state");
        assertThat(lines).hasSize(students.students().size() + 1);
    }

    private static CommandRunner.Result run(String... args) {
        CommandRunner.Result result = cli.run(List.of(args));
        System.out.println("$ fanout --sandbox " + String.join(" ", args));
        System.out.println(result.out() + result.err() + "(exit " + result.exitCode() + ")");
        return result;
    }

    private static Map<String, JsonNode> status() throws Exception {
        CommandRunner.Result result = cli.run(List.of("status", "--output", "json"));
        JsonNode root = JSON.readTree(result.out());
        Map<String, JsonNode> byId = new HashMap<>();
        root.path("destinations").forEach(d -> byId.put(d.path("id").asText(), d));
        return byId;
    }
}
