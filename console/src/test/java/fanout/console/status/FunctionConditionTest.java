package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionConditionTest {
    @Test
    void anActiveFunctionWithASettledUpdateNeedsNothingSaid() {
        assertThat(new FunctionCondition("Active", "Successful", null).note()).isNull();
        assertThat(FunctionCondition.UNKNOWN.note()).isNull();
    }

    @Test
    void aFailedCreationSaysLambdasReasonAndTheRedeploy() {
        assertThat(new FunctionCondition("Failed", "Failed", "Code not found").note())
                .isEqualTo("Failed: Code not found; run `fanout deploy` again");
    }

    @Test
    void onlyPendingAndAnUpdateInProgressAreWorthWaitingFor() {
        assertThat(new FunctionCondition("Pending", "Successful", null).transitional()).isTrue();
        assertThat(new FunctionCondition("Active", "InProgress", null).transitional()).isTrue();
        assertThat(new FunctionCondition("Inactive", "Successful", null).transitional()).isFalse();
        assertThat(new FunctionCondition("Failed", "Failed", "x").transitional()).isFalse();
    }

    @Test
    void anUpdateInProgressSaysToWait() {
        assertThat(new FunctionCondition("Active", "InProgress", null).note())
                .contains("wait a few seconds");
    }
}
