package fanout.metrics;

/**
 * The one place that spells the forwarder's metric names and dimensions.
 *
 * <p>Per target (dimensions {@link #FUNCTION_NAME}, {@link #SOURCE_STREAM}, {@link #TARGET}):
 * {@link #DELIVERED}, {@link #FAILED}, {@link #THROTTLED}, {@link #REJECTED}, {@link #RESENT} as
 * Count and {@link #DELIVERY_LAG} in Milliseconds as a statistic set. Per function and source
 * (dimensions {@link #FUNCTION_NAME}, {@link #SOURCE_STREAM}): {@link #RECORDS_IN} and {@link
 * #INVOCATIONS} as Count, and the warning {@link #MAPPING_READ_ERRORS} when non-zero.
 */
public final class MetricNames {
    public static final String DEFAULT_NAMESPACE = "Fanout";

    public static final String FUNCTION_NAME = "FunctionName";
    public static final String SOURCE_STREAM = "SourceStream";
    public static final String TARGET = "Target";

    public static final String DELIVERED = "Delivered";
    public static final String FAILED = "Failed";
    public static final String THROTTLED = "Throttled";
    public static final String REJECTED = "Rejected";
    public static final String RESENT = "Resent";
    public static final String DELIVERY_LAG = "DeliveryLag";

    public static final String RECORDS_IN = "RecordsIn";
    public static final String INVOCATIONS = "Invocations";

    /**
     * Per function and source, Count, only when non-zero: the mapping table could not be read and
     * the last good mappings were used instead (a warning: delivery went on).
     */
    public static final String MAPPING_READ_ERRORS = "MappingReadErrors";

    /**
     * Per function and source: state table reads or writes that failed (cursors then live on in the
     * container); published only when non-zero.
     */
    public static final String STATE_ERRORS = "StateErrors";

    /** AWS/Lambda metrics the console reads for the function. */
    public static final String LAMBDA_NAMESPACE = "AWS/Lambda";

    public static final String LAMBDA_ITERATOR_AGE = "IteratorAge";
    public static final String LAMBDA_ERRORS = "Errors";
    public static final String LAMBDA_THROTTLES = "Throttles";
    public static final String LAMBDA_DURATION = "Duration";
    public static final String LAMBDA_CONCURRENT_EXECUTIONS = "ConcurrentExecutions";

    private static final String STREAM_RESOURCE = ":stream/";

    private MetricNames() {}

    /**
     * The {@link #SOURCE_STREAM} dimension value for a source: the stream's name from its ARN
     * ({@code ...:stream/NAME}), or the text as given when it holds none, so the forwarder still
     * publishes under something recognisable for an unusual event source.
     */
    public static String sourceStreamOf(String sourceArn) {
        int slash = sourceArn.lastIndexOf(STREAM_RESOURCE);
        return slash < 0 ? sourceArn : sourceArn.substring(slash + STREAM_RESOURCE.length());
    }
}
