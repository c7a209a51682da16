package fanout.console.hook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The event source mapping settings the forwarder's checkpoints rely on: one place, so that {@code
 * hook} creates them, and {@code hook}, {@code hook --repair} and {@code doctor} check them, alike.
 *
 * <ul>
 *   <li>ReportBatchItemFailures: a hand-back resumes from the reported record, not the whole batch;
 *   <li>ParallelizationFactor 1: one batch per shard at a time, so a shard's checkpoints are
 *       written in order;
 *   <li>BisectBatchOnFunctionError false: a split batch would re-deliver what the checkpoints
 *       already hold;
 *   <li>MaximumRetryAttempts and MaximumRecordAgeInSeconds -1: a handed-back record is never
 *       dropped while a student is behind (the source's retention bounds it).
 * </ul>
 */
public final class HookSettings {
    public static final int PARALLELIZATION_FACTOR = 1;
    public static final int MAXIMUM_RETRY_ATTEMPTS = -1;
    public static final boolean BISECT_ON_ERROR = false;
    public static final int MAXIMUM_RECORD_AGE_SECONDS = -1;

    private HookSettings() {}

    /** What differs from the settings above, one line each ("X is A, needs B"); empty when none. */
    public static List<String> differences(Hook hook) {
        Objects.requireNonNull(hook, "hook");
        List<String> differences = new ArrayList<>();
        if (!hook.reportsItemFailures()) {
            differences.add(
                    "FunctionResponseTypes lacks ReportBatchItemFailures (a hand-back would"
                            + " re-send the whole batch)");
        }
        differ(
                differences,
                "ParallelizationFactor",
                hook.parallelizationFactor(),
                1,
                PARALLELIZATION_FACTOR,
                "batches of a shard would overtake each other's checkpoints");
        differ(
                differences,
                "MaximumRetryAttempts",
                hook.maximumRetryAttempts(),
                -1,
                MAXIMUM_RETRY_ATTEMPTS,
                "records a student is behind on would be dropped");
        differ(
                differences,
                "BisectBatchOnFunctionError",
                hook.bisectOnError(),
                false,
                BISECT_ON_ERROR,
                "a split batch re-delivers records already checkpointed");
        differ(
                differences,
                "MaximumRecordAgeInSeconds",
                hook.maximumRecordAgeSeconds(),
                -1,
                MAXIMUM_RECORD_AGE_SECONDS,
                "older records would be dropped before a behind student catches up");
        return List.copyOf(differences);
    }

    private static void differ(
            List<String> differences,
            String name,
            Object actual,
            Object lambdaDefault,
            Object expected,
            String why) {
        Object effective = actual == null ? lambdaDefault : actual;
        if (!effective.equals(expected)) {
            differences.add(name + " is " + effective + ", needs " + expected + " (" + why + ")");
        }
    }
}
