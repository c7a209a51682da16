package fanout.console.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.status.ClassCause;
import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.tui.ConsoleHarness;
import fanout.console.tui.ConsoleOptions;
import fanout.console.tui.Fakes;
import fanout.console.tui.Palette;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's class tools: who is stuck, the banner, copy and edit, probes, projector. */
class ClassToolsViewTest {
    @TempDir Path dir;

    ConsoleHarness harness() {
        return new ConsoleHarness(
                120,
                40,
                ConsoleOptions.defaults(false).withFirstView("dashboard"),
                Palette.colour(),
                dir);
    }

    @Test
    void sRanksWhoIsStuckLongestFirstGroupedByHelperAndSaysSo() {
        ConsoleHarness harness = harness();
        List<DestinationStatus> rows = new ArrayList<>();
        rows.add(withHelper(Fakes.destination("ok01", "Olga", DestinationState.OK), "kim", null));
        rows.add(withHelper(Fakes.destination("er02", "Erik", DestinationState.ERROR), "sam", 120));
        rows.add(withHelper(Fakes.destination("la03", "Lars", DestinationState.LAG), "kim", 600));
        rows.add(
                withHelper(Fakes.destination("wa04", "Wim", DestinationState.WAITING), "sam", 900));
        harness.status.next = Fakes.snapshot(rows);
        harness.type("r");
        assertThat(harness.rowOf("er02")).isLessThan(harness.rowOf("la03"));
        harness.type("s");
        assertThat(harness.text()).contains("stuck first, by helper");
        assertThat(harness.rowOf("wa04")).isLessThan(harness.rowOf("er02"));
        assertThat(harness.rowOf("er02")).isLessThan(harness.rowOf("la03"));
        assertThat(harness.rowOf("la03")).isLessThan(harness.rowOf("ok01"));
        assertThat(harness.row(harness.rowOf("wa04"))).contains("15m");
    }

    @Test
    void aClassWideCauseIsOneBannerAboveTheTableAndItsRowsPointAtIt() {
        ConsoleHarness harness = harness();
        List<DestinationStatus> rows = new ArrayList<>();
        for (String id : List.of("aa01", "bb02", "cc03")) {
            rows.add(Fakes.destination(id, "Student " + id, DestinationState.ERROR).asClassWide());
        }
        harness.status.next =
                Fakes.snapshot(rows)
                        .withCauses(
                                List.of(
                                        new ClassCause(
                                                ClassCause.SHARED_ERROR,
                                                3,
                                                3,
                                                "3 of 3 students fail alike (AccessDeniedException):"
                                                        + " one cause for the class, not theirs",
                                                "# every student is refused at once\n./fanout doctor",
                                                List.of("aa01", "bb02", "cc03"))));
        harness.type("r");
        String screen = harness.text();
        assertThat(screen)
                .contains("CLASS: 3 of 3 students fail alike (AccessDeniedException)")
                .contains("fix: ./fanout doctor");
        assertThat(screen.split("class-wide: see the banner", -1)).hasSize(4);
        harness.press(KeyType.Enter);
        assertThat(harness.text())
                .contains("a cause shared by the class")
                .contains("./fanout doctor");
    }

    @Test
    void yCopiesTheActionToAFileUnderDotFanout() throws Exception {
        ConsoleHarness harness = harness();
        harness.press(KeyType.Enter).type("y");
        Path file = dir.resolve(".fanout").resolve("fix-bob2.txt");
        assertThat(Files.readString(file))
                .isEqualTo(
                        "aws kinesis create-stream --stream-name bob2Stream --shard-count 1 --region us-west-2\n");
        assertThat(harness.text()).contains("copied to " + file + " and the terminal clipboard");
    }

    @Test
    void theClipboardGetsAnOsc52SequenceWithTheTextInBase64() throws Exception {
        List<String> sent = new ArrayList<>();
        new FixCopy(dir, sent::add).copy("ab12", "aws kinesis create-stream");
        assertThat(sent)
                .containsExactly(
                        "\u001b]52;c;"
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "aws kinesis create-stream"
                                                        .getBytes(StandardCharsets.UTF_8))
                                + "\u0007");
    }

    @Test
    void aLongActionShowsItsFirstLinesSoTheSparklinesStayOnAnEightyByTwentyFourScreen() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        DestinationStatus bob = Fakes.destination("bob2", "Bob Barker", DestinationState.ERROR);
        String policy = String.join("\n", java.util.Collections.nCopies(15, "policy line"));
        List<DestinationStatus> rows = new ArrayList<>();
        rows.add(withAction(bob, policy));
        harness.status.next = Fakes.snapshot(rows);
        harness.type("r").press(KeyType.Enter);
        String screen = harness.text();
        assertThat(screen.split("policy line", -1)).hasSize(4);
        assertThat(screen).contains("... 12 more lines (y copies them all)");
        assertThat(screen).contains("last 30 minutes");
    }

    @Test
    void eOpensTheRowForEditingAndWritesItThroughTheMappingService() {
        ConsoleHarness harness = harness();
        harness.bulk.rows.put(
                "bob2",
                new BulkActions.RowFields(
                        "bob2", "arn:aws:iam::210987654321:role/bob2StreamWrite", "bob2Stream"));
        harness.press(KeyType.Enter).type("e");
        assertThat(harness.text())
                .contains("role ARN of bob2: arn:aws:iam::210987654321:role/bob2StreamWrite");
        harness.type("r").press(KeyType.Enter).press(KeyType.Enter);
        assertThat(harness.bulk.calls)
                .containsExactly(
                        "edit bob2 arn:aws:iam::210987654321:role/bob2StreamWriter bob2Stream");
        assertThat(harness.text()).contains("bob2 updated");
    }

    @Test
    void tSendsAProbeAndShowsEachRoundTripAndWhoDidNotGetIt() {
        ConsoleHarness harness = harness();
        harness.status.probeAcks.put("ada1", 1800L);
        harness.status.probeAcks.put("dee4", 2300L);
        harness.type("t");
        String screen = harness.text();
        assertThat(harness.status.probes).containsExactly(List.of());
        assertThat(screen).contains("probe p1 sent at").contains("2 of 6 delivered");
        assertThat(screen).containsPattern("ada1 +Ada Lovelace +1\\.8 s");
        assertThat(screen).containsPattern("bob2 +Bob Barker +no acknowledgement within 60 s");
        assertThat(harness.rowOf("bob2")).isLessThan(harness.rowOf("ada1"));
    }

    @Test
    void projectorModeShowsIdsStatesAndProgressWithoutNamesOrKeyHints() {
        ConsoleHarness harness = harness();
        harness.type("P");
        String screen = harness.text();
        assertThat(screen).contains("3/6 receiving").contains("ada1").contains("\u25cf OK");
        assertThat(screen).doesNotContain("Ada Lovelace").doesNotContain("Bob Barker");
        assertThat(screen).doesNotContain("<?> help").doesNotContain("<q> quit");
        harness.press(KeyType.Escape);
        assertThat(harness.text()).contains("Dashboard");
    }

    private static DestinationStatus withAction(DestinationStatus row, String action) {
        return row.toBuilder().action(action).build();
    }

    private static DestinationStatus withHelper(
            DestinationStatus row, String helper, Integer notOkForSeconds) {
        return row.toBuilder()
                .helper(helper)
                .notOkSince(
                        notOkForSeconds == null ? null : Fakes.NOW.minusSeconds(notOkForSeconds))
                .build();
    }
}
