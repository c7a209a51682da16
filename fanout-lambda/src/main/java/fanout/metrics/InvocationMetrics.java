package fanout.metrics;

/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
public final class InvocationMetrics {
    public void invocation(String sourceStream) {}

    public void recordsIn(String sourceStream, long n) {}

    public void count(String sourceStream, String targetId, String metricName, long n) {}

    public void lag(String sourceStream, String targetId, double millis) {}
}
