package fanout.metrics;

import java.util.concurrent.CompletableFuture;

/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
public interface MetricsPublisher {
    CompletableFuture<Void> publish(InvocationMetrics metrics);
}
