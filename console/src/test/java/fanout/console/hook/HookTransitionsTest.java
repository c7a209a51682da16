package fanout.console.hook;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.memory.FakeAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** Pausing, resuming and removing hooks, waiting out a mapping in a transition. */
class HookTransitionsTest {
    private final HookFixture fixture = new HookFixture();

    /** Pauses (false) or resumes (true) the workshop's hook; returns the mapping's state. */
    private String setEnabled(boolean enabled) {
        return fixture.service
                .setEnabled("fanout", FakeAws.SOURCE_ARN, enabled, fixture.progress::add)
                .state();
    }

    @Test
    void pauseAndResumeDisableAndEnableTheMapping() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);

        assertThat(setEnabled(false)).isEqualTo("Disabling");
        assertThat(setEnabled(true)).isEqualTo("Enabling");
        assertThat(fixture.service.find("fanout", FakeAws.SOURCE_ARN).orElseThrow().enabled())
                .isTrue();
    }

    @Test
    void unhookRemovesTheMappingAndTheGrant() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);

        assertThat(fixture.service.unhook("fanout", FakeAws.SOURCE_ARN)).isPresent();
        assertThat(fixture.service.find("fanout", FakeAws.SOURCE_ARN)).isEmpty();
        assertThat(fixture.aws.iamFake.role("fanoutRole").orElseThrow().inlinePolicies()).isEmpty();
    }

    @Test
    void unhookRetriesWhileTheMappingIsInUse() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);
        fixture.aws.lambda =
                new InUse().failing("deleteEventSourceMapping", 2).wrap(fixture.aws.lambdaFake);

        assertThat(fixture.service.unhook("fanout", FakeAws.SOURCE_ARN, fixture.progress::add))
                .isPresent();

        assertThat(fixture.sleeper.sleeps).hasSize(1 + 2);
        assertThat(fixture.mappings())
                .extracting(EventSourceMappingConfiguration::state)
                .containsOnly("Deleting");
    }

    @Test
    void pauseRetriesWhileTheMappingIsInUse() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);
        fixture.aws.lambda =
                new InUse().failing("updateEventSourceMapping", 1).wrap(fixture.aws.lambdaFake);

        assertThat(setEnabled(false)).isEqualTo("Disabling");
        assertThat(fixture.sleeper.sleeps).hasSize(1 + 1);
    }

    @Test
    void removingEveryHookSkipsThoseAlreadyDeletingAndWaitsUntilLambdaRemovedThem() {
        fixture.service.hook(HookFixture.request(), fixture.progress::add);
        fixture.service.hook(HookFixture.request(HookFixture.OTHER_SOURCE), fixture.progress::add);
        String deleting = fixture.service.find("fanout", FakeAws.SOURCE_ARN).orElseThrow().uuid();
        fixture.service.unhook("fanout", FakeAws.SOURCE_ARN);
        InUse lambda = new InUse().failing("deleteEventSourceMapping", 1);
        fixture.aws.lambda = lambda.wrap(fixture.aws.lambdaFake);
        List<String> removed = new ArrayList<>();

        List<Hook> deleted =
                fixture.service.removeAll("fanout", removed::add, fixture.progress::add);

        assertThat(deleted).extracting(Hook::sourceArn).containsExactly(HookFixture.OTHER_SOURCE);
        assertThat(lambda.deletedUuids).doesNotContain(deleting);
        assertThat(removed).singleElement().asString().contains(HookFixture.OTHER_SOURCE);
        assertThat(fixture.progress)
                .anyMatch(line -> line.contains(deleting + " is already being deleted"));
        assertThat(fixture.progress)
                .anyMatch(line -> line.contains("Lambda to delete the event source mappings"));
        assertThat(fixture.mappings()).isEmpty();
    }
}
