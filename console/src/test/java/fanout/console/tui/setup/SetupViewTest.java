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
    void enterAloneWalksFromDeployToTheDashboard() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.roster.defaultPath = java.nio.file.Path.of("class.csv");
        harness.press(KeyType.Enter); // deploy
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.ROSTER);
        harness.press(KeyType.Enter); // roster view, with the default path filled in
        assertThat(harness.console.top().title()).isEqualTo("Roster import");
        harness.press(KeyType.Enter).type("i").type("y").press(KeyType.Enter);
        assertThat(harness.roster.applied).isEqualTo(1);
        harness.press(KeyType.Escape);
        assertThat(setup(harness).selectedStep())
                .as("back from an imported roster, the handout is next")
                .isEqualTo(Step.HANDOUT);
        harness.press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Handout");
        harness.press(KeyType.Escape);
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.CHECK);
        harness.press(KeyType.Enter).press(KeyType.Enter).press(KeyType.Enter);
        assertThat(harness.setup.runs).containsExactly("DEPLOY", "CHECK", "ACTIVATE", "HOOK");
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.HOOK);
        harness.press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Dashboard");
    }

    @Test
    void leavingTheRosterWithoutImportingKeepsItSelected() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.setup.states.put(Step.DEPLOY, StepStatus.State.DONE);
        harness.type("r").press(KeyType.Enter).press(KeyType.Escape);
        assertThat(harness.console.top().title()).isEqualTo("Setup checklist");
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.ROSTER);
    }

    @Test
    void aFailedStepKeepsTheSelectionSoEnterRetriesIt() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        harness.setup.outcomes.put(
                Step.DEPLOY, new SetupSteps.Outcome(false, "Deploy failed", "try again"));
        harness.press(KeyType.Enter);
        assertThat(harness.row(harness.rowOf("Deploy"))).contains("failed");
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.DEPLOY);
        harness.setup.outcomes.clear();
        harness.press(KeyType.Enter);
        assertThat(harness.setup.runs).containsExactly("DEPLOY", "DEPLOY");
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.ROSTER);
    }

    @Test
    void aCheckWithSomeBrokenStudentsWarnsShowsTheFixAndMovesOnToActivate() {
        ConsoleHarness harness = ConsoleHarness.open("setup");
        for (Step step : new Step[] {Step.DEPLOY, Step.ROSTER, Step.HANDOUT}) {
            harness.setup.states.put(step, StepStatus.State.DONE);
        }
        harness.setup.outcomes.put(
                Step.CHECK,
                new SetupSteps.Outcome(
                        true, "10 of 12 students ok", "send the failing students their fix"));
        harness.setup.details.put(Step.CHECK, "10 of 12 students ok");
        harness.type("r").press(KeyType.ArrowDown).press(KeyType.ArrowDown);
        harness.press(KeyType.ArrowDown);
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.CHECK);
        harness.press(KeyType.Enter);
        int check = harness.rowOf("Check");
        assertThat(harness.row(check)).contains("\u26a0 Check    warned   10 of 12 students ok");
        assertThat(harness.at(harness.row(check).indexOf("Check"), check).getForegroundColor())
                .as("the warning colour, not the failure's")
                .isEqualTo(Palette.YELLOW);
        assertThat(harness.row(check + 1)).contains("fix: run it again");
        assertThat(harness.text()).doesNotContain("failed");
        assertThat(harness.foregroundOf("10 of 12 students ok")).isEqualTo(Palette.YELLOW);
        assertThat(setup(harness).selectedStep()).isEqualTo(Step.ACTIVATE);
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
    void reopeningTheChecklistSelectsTheFirstStepNotDone() {
        ConsoleHarness first = ConsoleHarness.open("connect");
        first.setup.states.put(Step.DEPLOY, StepStatus.State.DONE);
        first.setup.states.put(Step.ROSTER, StepStatus.State.DONE);
        first.type(":setup").press(KeyType.Enter);
        assertThat(setup(first).selectedStep()).isEqualTo(Step.HANDOUT);
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
