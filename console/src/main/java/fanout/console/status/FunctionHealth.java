package fanout.console.status;

/**
 * The function's own AWS/Lambda metrics over the window: what tells a class-wide cause (the
 * function or the source) from a student's.
 *
 * @param iteratorAgeNowMs IteratorAge in the newest minute with data, null without data: how far
 *     behind the source the function is now
 * @param iteratorAgePeakMs IteratorAge maximum over the window, null without data
 * @param errors invocations that failed over the window
 * @param throttles invocations Lambda throttled over the window
 * @param durationMaxMs the longest invocation over the window, null without data
 * @param concurrencyMax the most concurrent executions over the window, null without data
 */
public record FunctionHealth(
        Long iteratorAgeNowMs,
        Long iteratorAgePeakMs,
        long errors,
        long throttles,
        Long durationMaxMs,
        Long concurrencyMax) {

    public static final FunctionHealth UNKNOWN = new FunctionHealth(null, null, 0, 0, null, null);

    public FunctionHealth {
        if (errors < 0 || throttles < 0) {
            throw new IllegalArgumentException("errors and throttles must not be negative");
        }
    }
}
