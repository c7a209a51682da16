package fanout.console.hook;

import java.time.Instant;
import java.util.Objects;

/**
 * One event source mapping of the fan-out function: the function reading a source stream.
 *
 * @param state as Lambda reports it: Creating, Enabled, Disabling, Disabled, Enabling, Updating,
 *     Deleting
 * @param parallelizationFactor concurrent batches per shard (null: Lambda's default, 1)
 * @param maximumRetryAttempts null: Lambda's default, -1 (until the record expires)
 * @param bisectOnError null: Lambda's default, false
 * @param maximumRecordAgeSeconds null: Lambda's default, -1 (no limit)
 * @param functionArn what the mapping invokes: the function ($LATEST), or qualified by alias {@code
 *     live} under SnapStart; null when Lambda does not say
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
        Integer maximumRecordAgeSeconds,
        String functionArn) {

    public Hook {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(sourceArn, "sourceArn");
    }

    /** The function and its qualifier when it has one ({@code fanout:live}), from the ARN. */
    public String invokes(String function) {
        if (functionArn == null) {
            return function;
        }
        int name = functionArn.indexOf(":function:");
        return name < 0 ? function : functionArn.substring(name + ":function:".length());
    }

    public boolean enabled() {
        return "Enabled".equals(state) || "Enabling".equals(state) || "Creating".equals(state);
    }
}
