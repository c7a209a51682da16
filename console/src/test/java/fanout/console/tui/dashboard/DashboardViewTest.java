package fanout.console.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.tui.ConsoleHarness;
import fanout.console.tui.Fakes;
import fanout.console.tui.Palette;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class DashboardViewTest {

    private static DashboardView dashboard(ConsoleHarness harness) {
        return (DashboardView) harness.console.top();
    }

    @Test
    void showsOneRowPerDestinationWorstFirstWithSymbolWordAndColour() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        int bob = harness.rowOf("bob2");
        int gus = harness.rowOf("gus7");
        int ada = harness.rowOf("ada1");
        assertThat(bob).isLessThan(gus).isLessThan(harness.rowOf("cy03"));
        assertThat(harness.rowOf("cy03")).isLessThan(ada);
        assertThat(harness.row(gus)).contains("\u2716 ERROR");
        int stateColumn = harness.row(gus).indexOf("\u2716 ERROR");
        assertThat(harness.at(stateColumn, gus).getForegroundColor()).isEqualTo(Palette.ORANGE);
        int okColumn = harness.row(ada).indexOf("\u25cf OK");
        assertThat(harness.at(okColumn, ada).getForegroundColor()).isEqualTo(Palette.BLUE);
        assertThat(harness.at(0, bob).isReversed()).as("the selected row").isTrue();
        assertThat(harness.row(ada)).contains("120").contains("850ms");
        assertThat(harness.row(bob)).as("not OK for").contains(" 5m ");
    }

    @Test
    void headerTellsWhereWhatAndHowFreshTheDataIs() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        String screen = harness.text();
        assertThat(screen)
                .contains("123456789012 | us-west-2 | function fanout | source coreRetailStream");
        assertThat(screen).contains("2 ERROR").contains("2 OK").contains("1 LAG");
        assertThat(screen)
                .contains(
                        "window 5 min | data 1m old (10-second resolution) | refresh 20 s (min 10 s)");
        assertThat(screen).contains("CloudWatch ~$0.088/h");
    }

    @Test
    void theSelectionStaysOnTheSameStudentWhenARefreshReordersRows() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        // ERROR, ERROR, LAG, WAITING, then ada1 (OK) above dee4 (OK) and fox6 (INACTIVE).
        for (int i = 0; i < 4; i++) {
            harness.press(KeyType.ArrowDown);
        }
        DestinationStatus selected = dashboard(harness).model().selected().orElseThrow();
        assertThat(selected.id()).isEqualTo("ada1");
        List<DestinationStatus> changed = new ArrayList<>(harness.status.next.destinations());
        changed.set(0, Fakes.destination("ada1", "Ada Lovelace", DestinationState.ERROR));
        harness.status.next = Fakes.snapshot(changed);
        harness.type("r");
        assertThat(dashboard(harness).model().selected().orElseThrow().id()).isEqualTo("ada1");
        assertThat(dashboard(harness).model().index()).isEqualTo(2);
    }

    @Test
    void ctrlZShowsOnlyFaultsAndAgainShowsEverything() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.ctrl('z');
        assertThat(harness.rowOf("ada1")).isEqualTo(-1);
        assertThat(harness.rowOf("bob2")).isPositive();
        assertThat(harness.text()).contains("faults only");
        harness.ctrl('z');
        assertThat(harness.rowOf("ada1")).isPositive();
    }

    @Test
    void slashFiltersWithColumnFiltersAsYouType() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("/state:err name:gus");
        assertThat(harness.rowOf("gus7")).isPositive();
        assertThat(harness.rowOf("bob2")).isEqualTo(-1);
        harness.press(KeyType.Enter);
        assertThat(harness.text()).contains("filter: state:err name:gus | 1 of 7 shown");
    }

    @Test
    void enterOpensTheDetailWithSparklinesAndTheFullErrorAndFix() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.press(KeyType.Enter);
        String screen = harness.text();
        assertThat(screen)
                .contains("Destination bob2")
                .contains("fix: ask Bob Barker to create the stream");
        assertThat(screen)
                .contains(
                        "   ResourceNotFoundException: Stream bob2Stream under account 210987654321 not")
                .contains("   found.");
        assertThat(screen).contains("delivered |").contains("max 108");
        harness.press(KeyType.Escape);
        assertThat(harness.text()).contains("Dashboard");
    }

    @Test
    void markedRowsAreDeactivatedTogetherAfterOneConfirmationNamingTheCount() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("  ");
        assertThat(harness.text()).contains("2 marked");
        harness.type("d");
        assertThat(harness.text()).contains("Deactivate 2 destinations? (type y");
        harness.type("y").press(KeyType.Enter);
        assertThat(harness.bulk.calls).containsExactly("deactivate bob2,gus7");
        assertThat(harness.text()).contains("deactivate 2 ok");
    }

    @Test
    void deactivatingTheWholeClassNeedsTheWordTyped() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("       d");
        assertThat(harness.text()).contains("the whole class").contains("type deactivate");
        harness.type("y").press(KeyType.Enter);
        assertThat(harness.bulk.calls).isEmpty();
        harness.type("d").type("deactivate").press(KeyType.Enter);
        assertThat(harness.bulk.calls).hasSize(1);
    }

    @Test
    void onlyTheDashboardOnTopPollsAndItPollsAtItsInterval() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        assertThat(harness.status.snapshots).isEqualTo(1);
        harness.clock.advance(Duration.ofSeconds(19));
        harness.step();
        assertThat(harness.status.snapshots).isEqualTo(1);
        harness.clock.advance(Duration.ofSeconds(1));
        harness.step();
        assertThat(harness.status.snapshots).isEqualTo(2);
        harness.type("?");
        harness.clock.advance(Duration.ofMinutes(5));
        harness.step();
        assertThat(harness.status.snapshots).isEqualTo(2);
    }

    @Test
    void plusAndMinusChangeTheIntervalButNeverBelowTheFloor() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        assertThat(dashboard(harness).interval()).isEqualTo(Duration.ofSeconds(20));
        harness.type("-----");
        assertThat(dashboard(harness).interval()).isEqualTo(Duration.ofSeconds(10));
        harness.type("++");
        assertThat(dashboard(harness).interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFasterRefreshShowsItsHourlyAndMonthlyCostBeforeASecondMinusSwitchesToIt() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("-");
        assertThat(dashboard(harness).interval()).as("not yet").isEqualTo(Duration.ofSeconds(20));
        assertThat(harness.text())
                .containsPattern(
                        "refresh every 10 s: ~\\$0\\.\\d+/h \\(~\\$\\d+/month\\) in CloudWatch")
                .contains("press - again");
        harness.type("-");
        assertThat(dashboard(harness).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(harness.text()).doesNotContain("press - again");
    }

    @Test
    void aThrottledRefreshIsShownAndTheNextOneBacksOff() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.status.failure =
                AwsServiceException.builder()
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("Throttling")
                                        .errorMessage("Rate exceeded")
                                        .build())
                        .build();
        harness.type("r");
        assertThat(harness.text())
                .contains("refresh failed (next try in 40 s): Throttling: Rate exceeded");
        assertThat(harness.rowOf("bob2")).as("the last good rows stay").isPositive();
        harness.clock.advance(Duration.ofSeconds(20));
        harness.step();
        assertThat(harness.status.snapshots).isEqualTo(2);
    }

    @Test
    void aSlowRefreshNeverBlocksTyping() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.deferBackground = true;
        harness.type("r");
        harness.type("/ada");
        assertThat(harness.text()).contains("/ada_");
        assertThat(harness.pending).hasSize(1);
        harness.finishBackground();
        assertThat(harness.status.snapshots).isEqualTo(2);
    }

    @Test
    void readOnlyHidesAndRefusesBulkActions() {
        ConsoleHarness harness =
                new ConsoleHarness(
                        80,
                        24,
                        fanout.console.tui.ConsoleOptions.defaults(false)
                                .withFirstView("dashboard")
                                .withReadOnly(true),
                        Palette.colour(),
                        java.nio.file.Path.of("."));
        assertThat(harness.row(23)).doesNotContain("deactivate").doesNotContain("activate");
        assertThat(harness.row(0)).contains("[READ-ONLY]");
        harness.type(" d");
        assertThat(harness.text()).contains("read-only: refused");
        assertThat(harness.bulk.calls).isEmpty();
    }

    @Test
    void shiftLLocksAndUnlocksSelfRegistrationAndSaysWhichItIsNow() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("L");
        assertThat(harness.bulk.calls).containsExactly("lock true");
        assertThat(harness.text()).contains("self-registration LOCKED");
        harness.type("L");
        assertThat(harness.bulk.calls).containsExactly("lock true", "lock false");
        assertThat(harness.text()).contains("self-registration OPEN");
    }
}
