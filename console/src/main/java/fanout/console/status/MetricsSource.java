package fanout.console.status;

/**
 * Where the forwarder's metrics come from (CloudWatch in production, the in-memory fake in the
 * sandbox). One {@link #read} is one refresh: window totals and per-minute series for every target.
 */
public interface MetricsSource {
    /**
     * @throws software.amazon.awssdk.core.exception.SdkException when the metrics cannot be read;
     *     the caller turns it into a problem line
     */
    MetricsReport read(MetricsRequest request);

    /** How many metrics one {@link #read} of {@code targets} targets requests (for the cost). */
    int metricsPerRead(int targets);
}
