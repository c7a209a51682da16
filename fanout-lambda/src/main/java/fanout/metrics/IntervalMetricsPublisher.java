package fanout.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes at most once per interval: invocations in between are added up and go out with the next
 * one past the interval. On a busy shard (ten batches a second) this turns ten PutMetricData calls
 * of 600 datums into one every interval, the largest CPU cost of a batch after the deliveries
 * themselves. The first invocation publishes at once, so a new container shows up without delay;
 * what a container has not published when it ends is lost (at most one interval).
 */
public final class IntervalMetricsPublisher implements MetricsPublisher {
    private final MetricsPublisher delegate;
    private final Duration interval;
    private final Clock clock;
    private InvocationMetrics pending = new InvocationMetrics();
    private Instant lastPublished;

    private IntervalMetricsPublisher(MetricsPublisher delegate, Duration interval, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate is required");
        this.interval = Objects.requireNonNull(interval, "interval is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** {@code delegate} itself for a zero interval: every invocation publishes. */
    public static MetricsPublisher every(
            Duration interval, MetricsPublisher delegate, Clock clock) {
        return interval.isZero()
                ? delegate
                : new IntervalMetricsPublisher(delegate, interval, clock);
    }

    @Override
    public CompletableFuture<Void> publish(InvocationMetrics metrics) {
        InvocationMetrics due;
        synchronized (this) {
            pending.addAll(metrics.snapshot());
            Instant now = clock.instant();
            if (lastPublished != null && now.isBefore(lastPublished.plus(interval))) {
                return CompletableFuture.completedFuture(null);
            }
            due = pending;
            pending = new InvocationMetrics();
            lastPublished = now;
        }
        return delegate.publish(due);
    }
}
