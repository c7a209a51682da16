package fanout.console.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.FakeAws;
import fanout.console.deploy.PolicyDocuments;
import fanout.console.problem.AwsAccessException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/** Hooking: the read grant, the mapping and its settings, an existing hook, a missing function. */
class HookServiceTest {
    private final HookFixture fixture = new HookFixture();

    @Test
    void hookGrantsReadOnTheStreamThenCreatesAMappingThatReportsItemFailures() {
        HookOutcome outcome = fixture.service.hook(HookFixture.request(), fixture.progress::add);

        assertThat(outcome).isInstanceOf(HookOutcome.Hooked.class);
        assertThat(((HookOutcome.Hooked) outcome).grantPolicy())
                .isEqualTo("fanout-read-coreRetailStream");
        assertThat(fixture.aws.iamFake.role("fanoutRole").orElseThrow().inlinePolicies())
                .containsEntry(
                        "fanout-read-coreRetailStream",
                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString());
        EventSourceMappingConfiguration mapping = fixture.mappings().get(0);
        assertThat(mapping.eventSourceArn()).isEqualTo(FakeAws.SOURCE_ARN);
        assertThat(mapping.functionResponseTypes())
                .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(mapping.batchSize()).isEqualTo(100);
        assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(1);
        assertThat(mapping.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(mapping.bisectBatchOnFunctionError()).isFalse();
        assertThat(mapping.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
    }

    @Test
    void hookWaitsWhileTheGrantPropagates() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);

        assertThat(fixture.sleeper.sleeps).hasSize(1);
        assertThat(fixture.progress).anyMatch(line -> line.contains("the read grant to propagate"));
    }

    @Test
    void anExistingHookIsReportedNotDuplicated() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);
        HookOutcome again = fixture.service.hook(HookFixture.request(), fixture.progress::add);

        assertThat(again).isInstanceOf(HookOutcome.AlreadyHooked.class);
        assertThat(fixture.mappings()).hasSize(1);
    }

    @Test
    void aNewHookHasEverySettingTheForwarderReliesOn() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);

        Hook hook = fixture.service.find("fanout", FakeAws.SOURCE_ARN).orElseThrow();
        assertThat(HookSettings.differences(hook)).isEmpty();
        assertThat(fixture.mappings().get(0).parallelizationFactor()).isEqualTo(1);
        assertThat(fixture.mappings().get(0).maximumRecordAgeInSeconds()).isEqualTo(-1);
    }

    @Test
    void hookingAFunctionThatIsNotDeployedSaysToDeploy() {
        HookRequest other =
                new HookRequest(
                        "missing", FakeAws.SOURCE_ARN, "LATEST", Optional.empty(), 100, 1, true);
        assertThatThrownBy(() -> fixture.service.hook(other, fixture.progress::add))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("run `fanout deploy`");
    }

    @Test
    void badHookOptionsAreUsageErrorsNamingTheFlag() {
        assertThatThrownBy(
                        () ->
                                new HookRequest(
                                        "fanout",
                                        FakeAws.SOURCE_ARN,
                                        "AT_TIMESTAMP",
                                        Optional.empty(),
                                        100,
                                        1,
                                        true))
                .hasMessageContaining("--starting-position-timestamp");
        assertThatThrownBy(
                        () ->
                                new HookRequest(
                                        "fanout",
                                        FakeAws.SOURCE_ARN,
                                        "LATEST",
                                        Optional.empty(),
                                        20000,
                                        1,
                                        true))
                .hasMessageContaining("--batch-size 20000");
    }
}
