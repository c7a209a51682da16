package fanout.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.probe.ProbeRun;
import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.state.ProbeAck;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:30Z");
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    @TempDir Path dir;

    static DestinationStatus row(
            String id, String helper, DestinationState state, long delivered, long errors) {
        return DestinationStatus.builder(id, state)
                .name("Name " + id)
                .helper(helper)
                .active(state != DestinationState.INACTIVE)
                .reason("why " + state)
                .fix("")
                .delivered(delivered)
                .failed(errors)
                .recentDelivered(delivered)
                .recentErrors(errors)
                .build();
    }

    static StatusSnapshot snapshot(Instant at, DestinationStatus... rows) {
        return StatusSnapshot.builder(at)
                .account("123456789012")
                .region("us-west-2")
                .function("fanout")
                .source(SOURCE)
                .windowSeconds(300)
                .dataAsOf(at)
                .destinations(List.of(rows))
                .build();
    }

    SessionLog log() {
        return new SessionLog(dir.resolve("class.jsonl"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void onlyStateChangesAndEachCompleteMinuteOnceAreAppended() throws Exception {
        SessionLog log = log();
        log.observe(snapshot(T0, row("ab12", "sam", DestinationState.WAITING, 0, 0)));
        log.observe(
                snapshot(T0.plusSeconds(5), row("ab12", "sam", DestinationState.WAITING, 0, 0)));
        log.observe(snapshot(T0.plusSeconds(40), row("ab12", "sam", DestinationState.OK, 1200, 0)));
        List<String> lines = Files.readAllLines(dir.resolve("class.jsonl"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .contains("\"type\":\"state\"", "\"id\":\"ab12\"", "\"state\":\"WAITING\"");
        assertThat(lines.get(1))
                .contains("\"type\":\"minute\"", "\"minute\":\"2026-11-25T09:59:00Z\"");
        assertThat(lines.get(2)).contains("\"from\":\"WAITING\"", "\"state\":\"OK\"");
        assertThat(lines.get(3))
                .contains("\"minute\":\"2026-11-25T10:00:00Z\"", "\"delivered\":{\"ab12\":1200}");
    }

    @Test
    void aLogReopenedTheNextDayContinuesFromTheLastStatesWithoutRepeatingThem() {
        log().observe(snapshot(T0, row("ab12", "sam", DestinationState.OK, 10, 0)));
        SessionLog reopened = log();
        reopened.observe(
                snapshot(T0.plusSeconds(20), row("ab12", "sam", DestinationState.OK, 10, 0)));
        assertThat(reopened.read()).hasSize(2);
        RestoredClass.Restored restored = RestoredClass.from(reopened.read());
        assertThat(restored.rows()).hasSize(1);
        assertThat(restored.rows().get(0).state()).isEqualTo(DestinationState.OK);
        assertThat(restored.rows().get(0).name()).isEqualTo("Name ab12");
        assertThat(restored.rows().get(0).reason()).contains("as last seen at " + T0);
    }

    @Test
    void resultsHaveOneRowPerStudentWithFirstOkMinutesNotOkRecordsAndErrors() {
        SessionLog log = log();
        log.observe(
                snapshot(
                        T0,
                        row("ab12", "sam", DestinationState.WAITING, 0, 0),
                        row("cd34", "kim", DestinationState.ERROR, 0, 4)));
        log.observe(
                snapshot(
                        T0.plusSeconds(60),
                        row("ab12", "sam", DestinationState.OK, 1200, 0),
                        row("cd34", "kim", DestinationState.ERROR, 0, 6)));
        log.observe(
                snapshot(
                        T0.plusSeconds(120),
                        row("ab12", "sam", DestinationState.OK, 1100, 0),
                        row("cd34", "kim", DestinationState.OK, 900, 0)));
        List<StudentResult> results = ResultsFold.fold(log.read(), T0.plusSeconds(300));
        assertThat(results)
                .containsExactly(
                        new StudentResult(
                                "ab12", "Name ab12", "sam", T0.plusSeconds(60), 1, 2300, 0, "OK"),
                        new StudentResult(
                                "cd34", "Name cd34", "kim", T0.plusSeconds(120), 2, 900, 10, "OK"));
        StringWriter csv = new StringWriter();
        ResultsCommand.print(
                new java.io.PrintWriter(csv), fanout.console.cli.OutputFormat.csv, results);
        assertThat(csv.toString().split("\r\n"))
                .containsExactly(
                        "id,name,helper,first_ok_at,minutes_not_ok,records_received,errors,final_state",
                        "ab12,Name ab12,sam,2026-11-25T10:01:30Z,1,2300,0,OK",
                        "cd34,Name cd34,kim,2026-11-25T10:02:30Z,2,900,10,OK");
    }

    @Test
    void aMinuteLoggedByTwoConsolesCountsOnce() {
        SessionLog log = log();
        log.observe(snapshot(T0, row("ab12", "sam", DestinationState.OK, 500, 0)));
        List<LogEntry> entries = new java.util.ArrayList<>(log.read());
        LogEntry minute = entries.get(1);
        assertThat(minute.type()).isEqualTo(LogEntry.MINUTE);
        entries.add(minute);
        assertThat(ResultsFold.fold(entries, T0).get(0).recordsReceived()).isEqualTo(500);
    }

    @Test
    void actionsAndProbesAreLoggedWithTheirOutcome() {
        SessionLog log = log();
        log.action("activate", List.of("ab12", "cd34"), "2 activated, 0 unchanged");
        ProbeRun run =
                new ProbeRun(
                        "p1",
                        SOURCE,
                        T0,
                        Duration.ofSeconds(60),
                        List.of("ab12", "cd34"),
                        List.of(),
                        Map.of("ab12", new ProbeAck("p1", "ab12", T0.plusMillis(1800))),
                        Map.of());
        log.probe(run, run.results(true));
        List<LogEntry> entries = log.read();
        assertThat(entries).extracting(LogEntry::type).containsExactly("action", "probe");
        assertThat(entries.get(0).outcome()).isEqualTo("2 activated, 0 unchanged");
        assertThat(entries.get(1).results()).hasSize(2);
        assertThat(entries.get(1).results().get(0)).containsEntry("roundTripMs", 1800);
    }

    @Test
    void aTornLastLineLosesOnlyThatEntry() throws Exception {
        SessionLog log = log();
        log.action("check", List.of("ab12"), "1 of 1 ok");
        Files.writeString(
                dir.resolve("class.jsonl"),
                "{\"at\":\"2026-11-25T10:0",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(log.read()).hasSize(1);
    }

    @Test
    void theFileIsNamedAfterTheClassFunctionRegionAccountAndSource() {
        assertThat(SessionLog.fileName("fanout", "us-west-2", SOURCE))
                .isEqualTo(
                        Path.of(
                                ".fanout",
                                "sessions",
                                "fanout-us-west-2-123456789012-coreRetailStream.jsonl"));
    }

    @Test
    void forgettingAnAccountRemovesOnlyThatAccountsClasses(@TempDir Path directory)
            throws Exception {
        Path sessions = Files.createDirectories(directory.resolve(".fanout/sessions"));
        Path sandbox =
                Files.writeString(sessions.resolve("fanout-us-west-2-123456789012-s.jsonl"), "{}");
        Path real =
                Files.writeString(sessions.resolve("fanout-us-west-2-210987654321-s.jsonl"), "{}");

        assertThat(SessionLog.forget(directory, "123456789012")).containsExactly(sandbox);

        assertThat(sandbox).doesNotExist();
        assertThat(real).exists();
    }
}
