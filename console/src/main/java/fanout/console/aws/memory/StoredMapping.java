package fanout.console.aws.memory;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

/**
 * One event source mapping of {@link InMemoryEventSourceMappings}: its configuration and the
 * transition it is in (Creating, Enabling, Updating, ...), which settles after a few reads or a few
 * seconds. Guarded by the store's lock.
 */
final class StoredMapping {
    final String uuid;
    String functionArn;
    final String source;
    Instant lastModified;
    EventSourceMappingConfiguration configuration;
    String state;
    String settled;
    int pollsLeft;

    StoredMapping(String uuid, String functionArn, String source, Instant lastModified) {
        this.uuid = uuid;
        this.functionArn = functionArn;
        this.source = source;
        this.lastModified = lastModified;
    }

    /**
     * When a transition started; it ends after its polls or {@link
     * InMemoryEventSourceMappings#SETTLE_TIME}.
     */
    Instant since;

    void transition(String during, String after, int polls, Instant now) {
        since = now;
        if (polls <= 0 && after != null) {
            state = after;
            settled = null;
            pollsLeft = 0;
            return;
        }
        state = during;
        settled = after;
        pollsLeft = polls;
    }

    /** Time passing settles a transition too, as on AWS where nobody has to poll. */
    void settle(Instant now) {
        if (pollsLeft > 0
                && since != null
                && !now.isBefore(since.plus(InMemoryEventSourceMappings.SETTLE_TIME))) {
            pollsLeft = 0;
            if (settled != null) {
                state = settled;
                settled = null;
            }
        }
    }

    EventSourceMappingConfiguration read(boolean poll, Instant now) {
        EventSourceMappingConfiguration shown =
                configuration.toBuilder().state(state).lastModified(lastModified).build();
        if (poll && pollsLeft > 0 && --pollsLeft == 0 && settled != null) {
            state = settled;
            settled = null;
        }
        return shown;
    }

    /** What an update changes: every member it sets (unset lists stay as they were). */
    static EventSourceMappingConfiguration.Builder changed(
            EventSourceMappingConfiguration current, UpdateEventSourceMappingRequest request) {
        EventSourceMappingConfiguration.Builder builder = current.toBuilder();
        Map<String, SdkField<?>> targets = builder.sdkFieldNameToField();
        for (SdkField<?> field : request.sdkFields()) {
            SdkField<?> target = targets.get(field.memberName());
            Object value = field.getValueOrDefault(request);
            boolean unset =
                    value == null
                            || value instanceof SdkAutoConstructList
                            || value instanceof SdkAutoConstructMap;
            if (target != null && !unset && !field.memberName().equals("UUID")) {
                target.set(builder, value);
            }
        }
        return builder;
    }
}
