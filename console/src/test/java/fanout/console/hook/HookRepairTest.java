package fanout.console.hook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

/** A hook made with other settings: reported with its differences, and repaired in place. */
class HookRepairTest {
    private final HookFixture fixture = new HookFixture();

    @Test
    void hookOnAnExistingMappingWithOtherSettingsSaysWhichDifferAndHowAndChangesNothing() {
        fixture.createDrifted();
        InUse lambda = new InUse();
        fixture.aws.lambda = lambda.wrap(fixture.aws.lambdaFake);

        HookOutcome outcome =
                fixture.service.hook(HookFixture.request(), false, fixture.progress::add);

        assertThat(outcome).isInstanceOf(HookOutcome.Drifted.class);
        assertThat(((HookOutcome.Drifted) outcome).differences())
                .anyMatch(d -> d.startsWith("FunctionResponseTypes lacks ReportBatchItemFailures"))
                .anyMatch(d -> d.startsWith("ParallelizationFactor is 2, needs 1"))
                .anyMatch(d -> d.startsWith("MaximumRetryAttempts is 3, needs -1"))
                .anyMatch(d -> d.startsWith("BisectBatchOnFunctionError is true, needs false"))
                .noneMatch(d -> d.startsWith("MaximumRecordAgeInSeconds"));
        assertThat(lambda.updates).isEmpty();
        assertThat(fixture.mappings()).hasSize(1);
    }

    @Test
    void hookRepairUpdatesTheMappingInPlaceRetryingWhileItIsInUse() {
        String uuid = fixture.createDrifted();
        InUse lambda = new InUse().failing("updateEventSourceMapping", 2);
        fixture.aws.lambda = lambda.wrap(fixture.aws.lambdaFake);

        HookOutcome outcome =
                fixture.service.hook(HookFixture.request(), true, fixture.progress::add);

        assertThat(outcome).isInstanceOf(HookOutcome.Repaired.class);
        assertThat(((HookOutcome.Repaired) outcome).differences()).hasSize(3 + 1);
        UpdateEventSourceMappingRequest sent = lambda.updates.get(lambda.updates.size() - 1);
        assertThat(sent.uuid()).isEqualTo(uuid);
        assertThat(sent.functionResponseTypes())
                .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(sent.parallelizationFactor()).isEqualTo(1);
        assertThat(sent.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(sent.bisectBatchOnFunctionError()).isFalse();
        assertThat(sent.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(fixture.sleeper.sleeps).hasSize(2);
        assertThat(fixture.progress)
                .anyMatch(line -> line.contains("the hook to finish its current change"));
        assertThat(fixture.mappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(uuid);
    }
}
