package fanout.console.hook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * One event source mapping of the fan-out function: the function reading a source stream.
 *
 * @param state as Lambda reports it: Creating, Enabled, Disabling, Disabled, Enabling, Updating,
 *     Deleting
 * @param parallelizationFactor concurrent batches per shard (null: Lambda's default, 1)
 * @param maximumRetryAttempts null: Lambda's default, -1 (until the record expires)
 * @param bisectOnError null: Lambda's default, false
 * @param maximumRecordAgeSeconds null: Lambda's default, -1 (no limit)
 */
public record Hook(
        String uuid,
        String sourceArn,
        String state,
        Integer batchSize,
        Integer batchWindowSeconds,
        String startingPosition,
        boolean reportsItemFailures,
        Instant lastModified,
        Integer parallelizationFactor,
        Integer maximumRetryAttempts,
        Boolean bisectOnError,
        Integer maximumRecordAgeSeconds) {

    public Hook {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(sourceArn, "sourceArn");
    }

    public boolean enabled() {
        return "Enabled".equals(state) || "Enabling".equals(state) || "Creating".equals(state);
    }

    /** From any of Lambda's mapping responses (they share the configuration's members). */
    static Hook of(SdkPojo response) {
        EventSourceMappingConfiguration.Builder builder = EventSourceMappingConfiguration.builder();
        Map<String, SdkField<?>> fields = builder.sdkFieldNameToField();
        for (SdkField<?> field : response.sdkFields()) {
            SdkField<?> target = fields.get(field.memberName());
            Object value = field.getValueOrDefault(response);
            if (target != null && value != null) {
                target.set(builder, value);
            }
        }
        return of(builder.build());
    }

    static Hook of(EventSourceMappingConfiguration mapping) {
        return new Hook(
                mapping.uuid(),
                mapping.eventSourceArn(),
                mapping.state(),
                mapping.batchSize(),
                mapping.maximumBatchingWindowInSeconds(),
                mapping.startingPositionAsString(),
                mapping.functionResponseTypesAsStrings().contains("ReportBatchItemFailures"),
                mapping.lastModified(),
                mapping.parallelizationFactor(),
                mapping.maximumRetryAttempts(),
                mapping.bisectBatchOnFunctionError(),
                mapping.maximumRecordAgeInSeconds());
    }
}
