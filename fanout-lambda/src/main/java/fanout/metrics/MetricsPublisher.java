package fanout.metrics;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one invocation's metrics somewhere. The handler starts it as delivery ends and awaits it
 * before returning (a frozen container loses unsent work).
 */
public interface MetricsPublisher {
    /**
     * Publishes a snapshot of {@code metrics}. Never completes exceptionally: a metrics failure is
     * logged and must not fail the batch.
     */
    CompletableFuture<Void> publish(InvocationMetrics metrics);

    /** Publishes nothing; for tests and for running without metrics. */
    static MetricsPublisher discarding() {
        return metrics -> CompletableFuture.completedFuture(null);
    }
}
