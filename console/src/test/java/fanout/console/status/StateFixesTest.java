package fanout.console.status;

import static fanout.console.status.StateInputsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a verdict tells beyond its state: the expected first delivery and the fix. */
class StateFixesTest {
    @Test
    void waitingTellsWhenTheFirstDeliveryIsExpected() {
        StateInputsBuilder in = new StateInputsBuilder();
        in.activeSince = NOW.minusSeconds(60);
        StateVerdict verdict = StateRules.evaluate(in.build());
        assertThat(verdict.firstDeliveryExpectedBy()).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void onlyWaitingHasAnExpectedFirstDelivery() {
        StateInputsBuilder in = new StateInputsBuilder();
        in.delivered = 1;
        assertThat(StateRules.evaluate(in.build()).firstDeliveryExpectedBy()).isNull();
    }

    @Test
    void inactiveSuggestsActivatingThatId() {
        StateInputsBuilder in = new StateInputsBuilder();
        in.active = false;
        assertThat(StateRules.evaluate(in.build()).fix()).contains("fanout activate --id ab12");
    }

    @Test
    void anAccessDeniedErrorPointsAtTheStudentsRoleTrust() {
        StateInputsBuilder in = new StateInputsBuilder();
        in.failed = 3;
        in.lastError = "User is not authorized to perform sts:AssumeRole";
        in.lastErrorCode = "AccessDenied";
        in.lastErrorAt = NOW.minusSeconds(10);
        StateVerdict verdict = StateRules.evaluate(in.build());
        assertThat(verdict.fix()).contains("trust the fan-out role").contains("--ids ab12");
    }

    @Test
    void aMissingStreamErrorSaysTheStreamDoesNotExist() {
        StateInputsBuilder in = new StateInputsBuilder();
        in.lastError = "Stream ab12Stream not found";
        in.lastErrorCode = "ResourceNotFound";
        in.lastErrorAt = NOW.minusSeconds(10);
        assertThat(StateRules.evaluate(in.build()).fix()).contains("stream does not exist");
    }

    @Test
    void healthyStatesNeedNoFix() {
        StateInputsBuilder in = new StateInputsBuilder();
        in.delivered = 1;
        assertThat(StateRules.evaluate(in.build()).fix()).isEmpty();
        assertThat(StateRules.evaluate(new StateInputsBuilder().build()).fix()).isEmpty();
    }
}
