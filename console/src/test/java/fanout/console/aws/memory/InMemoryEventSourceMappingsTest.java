package fanout.console.aws.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The in-memory Lambda's event source mappings: grants, duplicates and their state machine. */
class InMemoryEventSourceMappingsTest {

    /** The fan-out role, allowed to read the source, and the function {@code fanout} as it. */
    private static void readableFunction(FakeAws aws) {
        String role = FanoutFixture.createFanoutRole(aws);
        FanoutFixture.grantRead(aws);
        aws.lambda.createFunction(FanoutFixture.fanoutFunction(role));
    }

    /** Creates the mapping, retrying while the read grant propagates; its uuid. */
    private static String createMapping(FakeAws aws) {
        String uuid = null;
        for (int i = 0; uuid == null && i < 3; i++) {
            try {
                uuid =
                        aws.lambda
                                .createEventSourceMapping(
                                        r ->
                                                r.functionName("fanout")
                                                        .eventSourceArn(FakeAws.SOURCE_ARN))
                                .uuid();
            } catch (InvalidParameterValueException e) {
                // The grant propagates.
            }
        }
        return uuid;
    }

    @Test
    void anEventSourceMappingNeedsAReadGrantOnTheStreamAndIsNotDuplicated() {
        FakeAws quick = new FakeAws((n, e, p, t) -> p, 0, 0);
        String role = FanoutFixture.createFanoutRole(quick);
        quick.lambda.createFunction(FanoutFixture.fanoutFunction(role));
        Runnable create =
                () ->
                        quick.lambda.createEventSourceMapping(
                                r ->
                                        r.functionName("fanout")
                                                .eventSourceArn(FakeAws.SOURCE_ARN)
                                                .startingPosition("TRIM_HORIZON")
                                                .functionResponseTypes(
                                                        FunctionResponseType
                                                                .REPORT_BATCH_ITEM_FAILURES));
        assertThatThrownBy(create::run)
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Cannot access stream " + FakeAws.SOURCE_ARN);
        FanoutFixture.grantRead(quick);
        create.run();
        var mappings =
                quick.lambda
                        .listEventSourceMappings(r -> r.functionName("fanout"))
                        .eventSourceMappings();
        assertThat(mappings).hasSize(1);
        assertThat(mappings.get(0).functionResponseTypes())
                .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThatThrownBy(create::run).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void mappingsMoveThroughTransitionalStatesAndRefuseUpdatesMeanwhile() {
        FakeAws slow = new FakeAws((n, e, p, t) -> p, 0, 1);
        readableFunction(slow);
        slow.lambda.getFunction(r -> r.functionName("fanout"));
        String id = createMapping(slow);
        assertThat(slow.lambda.getEventSourceMapping(r -> r.uuid(id)).state())
                .isEqualTo("Creating");
        assertThat(slow.lambda.getEventSourceMapping(r -> r.uuid(id)).state()).isEqualTo("Enabled");
        assertThat(slow.lambda.updateEventSourceMapping(r -> r.uuid(id).enabled(false)).state())
                .isEqualTo("Disabling");
        assertThatThrownBy(
                        () -> slow.lambda.updateEventSourceMapping(r -> r.uuid(id).enabled(true)))
                .isInstanceOf(ResourceInUseException.class);
        slow.lambda.getEventSourceMapping(r -> r.uuid(id));
        assertThat(slow.lambda.getEventSourceMapping(r -> r.uuid(id)).state())
                .isEqualTo("Disabled");
        assertThat(slow.lambda.deleteEventSourceMapping(r -> r.uuid(id)).state())
                .isEqualTo("Deleting");
        slow.lambda.listEventSourceMappings(r -> r.functionName("fanout"));
        assertThatThrownBy(() -> slow.lambda.getEventSourceMapping(r -> r.uuid(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aMappingIsUpdatingAfterAnUpdateAndRefusesADeleteUntilItSettles() {
        FakeAws quick = new FakeAws((n, e, p, t) -> p, 0, 1);
        readableFunction(quick);
        String id = createMapping(quick);
        assertThatThrownBy(() -> quick.lambda.deleteEventSourceMapping(r -> r.uuid(id)))
                .as("still Creating")
                .isInstanceOf(ResourceInUseException.class);
        assertThat(quick.lambda.getEventSourceMapping(r -> r.uuid(id)).state())
                .isEqualTo("Creating");

        assertThat(
                        quick.lambda
                                .updateEventSourceMapping(
                                        r ->
                                                r.uuid(id)
                                                        .maximumRetryAttempts(5)
                                                        .bisectBatchOnFunctionError(true))
                                .state())
                .isEqualTo("Updating");
        assertThatThrownBy(() -> quick.lambda.deleteEventSourceMapping(r -> r.uuid(id)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Updating");
        var settled = quick.lambda.getEventSourceMapping(r -> r.uuid(id));
        assertThat(settled.maximumRetryAttempts()).isEqualTo(5);
        assertThat(settled.bisectBatchOnFunctionError()).isTrue();
        assertThat(quick.lambda.getEventSourceMapping(r -> r.uuid(id)).state())
                .isEqualTo("Enabled");
        assertThat(quick.lambda.deleteEventSourceMapping(r -> r.uuid(id)).state())
                .isEqualTo("Deleting");
        assertThatThrownBy(() -> quick.lambda.deleteEventSourceMapping(r -> r.uuid(id)))
                .as("already Deleting")
                .isInstanceOf(ResourceInUseException.class);
    }
}
