package fanout.metrics;

import fanout.check.Required;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * A circuit breaker in front of the metrics: a publish is waited for at most {@link #GRACE} (not at
 * all while an earlier one is still in flight), then goes on in the background; one that fails (the
 * call timeout included) opens the breaker, and the next invocations' metrics are dropped (and
 * counted in the log) without calling CloudWatch, which is tried again once every {@link
 * #RETRY_EVERY}. So a failing or hanging CloudWatch costs a batch at most one grace period, not a
 * call timeout per batch, while a merely slow one (a loaded machine) still gets every datum.
 * Failures the publisher only logs (it never fails the batch) reach the breaker through that log.
 */
public final class GuardedMetricsPublisher implements MetricsPublisher {
    /** A healthy PutMetricData answers in tens of milliseconds; this is plenty. */
    public static final Duration GRACE = Duration.ofMillis(500);

    /** How long CloudWatch is left alone after it failed or did not answer. */
    public static final Duration RETRY_EVERY = Duration.ofSeconds(30);

    private final MetricsPublisher delegate;
    private final Clock clock;
    private final Duration grace;
    private final Consumer<String> log;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Instant openUntil;

    /**
     * @param build the publisher to guard, given the log its failures must go to
     */
    public GuardedMetricsPublisher(
            Function<Consumer<String>, MetricsPublisher> build, Clock clock) {
        this(build, clock, GRACE, System.err::println);
    }

    GuardedMetricsPublisher(
            Function<Consumer<String>, MetricsPublisher> build,
            Clock clock,
            Duration grace,
            Consumer<String> log) {
        Required.all("log, clock, grace", log, clock, grace);
        this.log = log;
        this.clock = clock;
        this.grace = grace;
        this.delegate =
                Objects.requireNonNull(build.apply(this::failed), "the publisher is required");
    }

    /**
     * The forwarder's metrics: CloudWatch behind this breaker, at most once per {@code interval}.
     */
    public static MetricsPublisher cloudWatch(
            CloudWatchClient client,
            String namespace,
            String functionName,
            Executor executor,
            Duration interval,
            Clock clock) {
        return new GuardedMetricsPublisher(
                log ->
                        IntervalMetricsPublisher.every(
                                interval,
                                new CloudWatchMetricsPublisher(
                                        client, namespace, functionName, executor, clock, log),
                                clock),
                clock);
    }

    /**
     * Completes within the grace period whatever CloudWatch does (the call goes on), never
     * exceptionally.
     */
    @Override
    public CompletableFuture<Void> publish(InvocationMetrics metrics) {
        Instant until = openUntil;
        if (until != null && clock.instant().isBefore(until)) {
            long n = dropped.incrementAndGet();
            log.accept(
                    "fanout: metrics dropped ("
                            + n
                            + " publishes so far): CloudWatch failed or hung, next try after "
                            + until);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> call;
        try {
            call = delegate.publish(metrics);
        } catch (RuntimeException e) {
            open("metrics not published: " + e);
            return CompletableFuture.completedFuture(null);
        }
        boolean earlierPending = inFlight.getAndIncrement() > 0;
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        call.whenComplete(
                (ok, failure) -> {
                    inFlight.decrementAndGet();
                    if (failure != null) {
                        open("metrics not published: " + failure);
                    }
                    bounded.complete(null);
                });
        if (earlierPending && !call.isDone()) {
            return CompletableFuture.completedFuture(null); // CloudWatch is slow: do not wait
        }
        return bounded.completeOnTimeout(null, grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether CloudWatch is left alone now (for tests and the log). */
    boolean open() {
        Instant until = openUntil;
        return until != null && clock.instant().isBefore(until);
    }

    /** The guarded publisher's log: every line it writes reports a failure. */
    private void failed(String line) {
        log.accept(line);
        open("CloudWatch failing");
    }

    private void open(String why) {
        Instant until = clock.instant().plus(RETRY_EVERY);
        openUntil = until;
        log.accept("fanout: " + why + "; CloudWatch not called again before " + until);
    }
}
