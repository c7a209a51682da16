package fanout.console.tui.service;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.tui.setup.StepStatus.State;
import org.junit.jupiter.api.Test;

class SetupInspectionTest {

    @Test
    void aCheckWithSomeBrokenStudentsIsAWarningThatLetsTheChecklistMoveOn() {
        assertThat(SetupInspection.checkState(12, 2)).isEqualTo(State.WARNED);
        assertThat(SetupInspection.checkState(12, 2).settled()).isTrue();
    }

    @Test
    void aCheckIsDoneWhenEveryStudentPassesAndFailedWhenNobodyDoes() {
        assertThat(SetupInspection.checkState(12, 0)).isEqualTo(State.DONE);
        assertThat(SetupInspection.checkState(12, 12)).isEqualTo(State.FAILED);
        assertThat(SetupInspection.checkState(12, 12).settled()).isFalse();
    }
}
