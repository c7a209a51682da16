package fanout.console.tui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.tui.ConsoleHarness;
import fanout.console.tui.Palette;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SetupViewTest {

    private static SetupView setup(ConsoleHarness harness) {
        return (SetupView) harness.console.top();
    }

    @Test
    void everyStepShowsTheStateFoundInTheInstallation() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.setup.states.put(Step.DEPLOY, StepStatus.State.DONE);
        harness.setup.states.put(Step.CHECK, StepStatus.State.FAILED);
        harness.type("r");
        assertThat(harness.row(harness.rowOf("Deploy")))
                .contains("\u2714 Deploy   done     Deploy found");
        assertThat(harness.row(harness.rowOf("Check"))).contains("\u2716 Check    failed");
        assertThat(harness.text()).contains("fix: run it again");
        assertThat(harness.row(harness.rowOf("Hook")))
                .contains("\u25cb Hook     pending  connect the source stream");
        int check = harness.rowOf("Check");
        assertThat(harness.at(harness.row(check).indexOf("Check"), check).getForegroundColor())
                .isEqualTo(Palette.ORANGE);
    }

    @Test
    void enterRunsTheSelectedStepShowsItsProgressAndMovesToTheNext() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.press(KeyType.Enter);
        assertThat(harness.setup.runs).containsExactly("DEPLOY");
        assertThat(harness.text())
                .contains("creating deploy resources")
                .contains("Deploy ready")
                .contains("Deploy done");
        assertThat(harness.row(harness.rowOf("Deploy"))).contains("done");
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.ROSTER);
    }

    @Test
    void rosterAndHandoutStepsOpenTheirViews() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.press(KeyType.ArrowDown).press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Roster import");
        harness.press(KeyType.Escape).press(KeyType.ArrowDown).press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Handout");
    }

    @Test
    void theLeaderCanWalkTheWholeListWithEnterAndDown() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.press(KeyType.Enter); // deploy, moves to roster
        harness.press(KeyType.ArrowDown).press(KeyType.ArrowDown); // past roster and handout
        harness.press(KeyType.Enter)
                .press(KeyType.Enter)
                .press(KeyType.Enter); // check, activate, hook
        assertThat(harness.setup.runs).containsExactly("DEPLOY", "CHECK", "ACTIVATE", "HOOK");
        harness.press(KeyType.ArrowUp).press(KeyType.ArrowDown);
        harness.press(KeyType.Enter);
        assertThat(harness.console.top().title())
                .as("enter on a done hook opens the dashboard")
                .isEqualTo("Dashboard");
    }

    @Test
    void ctrlCCancelsARunningStepCleanlyAndTheConsoleKeepsWorking() throws Exception {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        CountDownLatch never = new CountDownLatch(1);
        harness.deferBackground = true;
        harness.setup.blocking =
                () -> {
                    throw new IllegalStateException(
                            "should have been cancelled: " + never.getCount());
                };
        harness.press(KeyType.Enter);
        assertThat(harness.row(harness.rowOf("Deploy"))).contains("running");
        harness.ctrl('c');
        assertThat(harness.console.quitting()).isFalse();
        assertThat(harness.text()).contains("cancelled by ctrl-c").contains("Deploy cancelled");
        harness.finishBackground();
        assertThat(harness.text())
                .as("a late result of a cancelled run is ignored")
                .doesNotContain("should have been cancelled");
        assertThat(harness.row(harness.rowOf("Deploy"))).doesNotContain("running");
        harness.ctrl('c');
        assertThat(harness.console.quitting()).as("ctrl-c with nothing running quits").isTrue();
    }

    @Test
    void unhookNeedsTheWordTyped() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.type("U");
        assertThat(harness.text()).contains("unhook the source stream? (type unhook");
        harness.type("y").press(KeyType.Enter);
        assertThat(harness.setup.runs).isEmpty();
        harness.type("Uunhook").press(KeyType.Enter);
        assertThat(harness.setup.runs).containsExactly("undo HOOK");
    }

    @Test
    void readOnlyRefusesToRunSteps() {
        ConsoleHarness harness =
                new ConsoleHarness(
                        80,
                        24,
                        fanout.console.tui.ConsoleOptions.defaults(false)
                                .withFirstView("setup")
                                .withReadOnly(true),
                        Palette.colour(),
                        java.nio.file.Path.of("."));
        harness.press(KeyType.Enter).type("X");
        assertThat(harness.setup.runs).isEmpty();
        assertThat(harness.text()).contains("read-only: refused");
        assertThat(harness.row(23)).doesNotContain("run step");
    }
}
