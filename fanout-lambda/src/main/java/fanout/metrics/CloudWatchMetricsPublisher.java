package fanout.metrics;

import fanout.check.Required;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * Publishes an invocation's metrics with PutMetricData: one datum per (metric, dimensions), at most
 * {@link #MAX_DATUMS_PER_CALL} per call, the calls sent concurrently on the given executor. Which
 * zeros are published is {@link InvocationMetrics}'s rule. A failure is logged once per publish and
 * swallowed: metrics never fail the batch.
 *
 * <p>Every datum is high resolution ({@value #STORAGE_RESOLUTION_SECONDS} s): the console judges a
 * student's state on the latest complete 10 s, so a broken stream shows within seconds rather than
 * after the next whole minute. High-resolution custom metrics cost the same per metric as standard
 * ones (PutMetricData is priced per call either way); CloudWatch keeps their sub-minute detail for
 * 3 hours and then rolls it up into minutes.
 *
 * @param clock stamps the datums (the sandbox's CloudWatch and tests read them back by time)
 * @param log where the one line per failed publish goes (standard error unless a test listens)
 */
public record CloudWatchMetricsPublisher(
        CloudWatchClient client,
        String namespace,
        String functionName,
        Executor executor,
        Clock clock,
        Consumer<String> log)
        implements MetricsPublisher {
    /** PutMetricData's limit of datums (MetricData entries) per request. */
    public static final int MAX_DATUMS_PER_CALL = 1000;

    /** PutMetricData's StorageResolution for high-resolution metrics (1 s; 60 is standard). */
    public static final int STORAGE_RESOLUTION_SECONDS = 1;

    public CloudWatchMetricsPublisher(
            CloudWatchClient client, String namespace, String functionName, Executor executor) {
        this(client, namespace, functionName, executor, Clock.systemUTC());
    }

    public CloudWatchMetricsPublisher(
            CloudWatchClient client,
            String namespace,
            String functionName,
            Executor executor,
            Clock clock) {
        this(client, namespace, functionName, executor, clock, System.err::println);
    }

    public CloudWatchMetricsPublisher {
        Objects.requireNonNull(client, "client is required");
        requireText(namespace, "namespace");
        requireText(functionName, "functionName");
        Required.all("executor, clock, log", executor, clock, log);
    }

    @Override
    public CompletableFuture<Void> publish(InvocationMetrics metrics) {
        List<List<MetricDatum>> calls;
        try {
            calls = partition(datums(metrics.snapshot(), clock.instant()));
        } catch (RuntimeException e) {
            log.accept("fanout: metrics not published: " + e);
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Throwable>> sent = new ArrayList<>(calls.size());
        for (List<MetricDatum> call : calls) {
            sent.add(send(call));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenAccept(done -> logFailures(sent))
                .exceptionally(impossible -> null); // each call already handled its failure
    }

    /** Completes with the call's failure, or null; never exceptionally. */
    private CompletableFuture<Throwable> send(List<MetricDatum> datums) {
        try {
            return CompletableFuture.runAsync(
                            () ->
                                    client.putMetricData(
                                            request ->
                                                    request.namespace(namespace)
                                                            .metricData(datums)),
                            executor)
                    .handle((ok, failure) -> failure);
        } catch (RuntimeException rejected) { // the executor refused the task
            return CompletableFuture.completedFuture(rejected);
        }
    }

    private void logFailures(List<CompletableFuture<Throwable>> sent) {
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Throwable> call : sent) {
            Throwable failure = call.join();
            if (failure != null) {
                failures.add(failure.getCause() != null ? failure.getCause() : failure);
            }
        }
        if (!failures.isEmpty()) {
            log.accept(
                    "fanout: "
                            + failures.size()
                            + " of "
                            + sent.size()
                            + " PutMetricData calls to "
                            + namespace
                            + " failed; first: "
                            + failures.get(0));
        }
    }

    static List<List<MetricDatum>> partition(List<MetricDatum> datums) {
        List<List<MetricDatum>> calls = new ArrayList<>();
        for (int start = 0; start < datums.size(); start += MAX_DATUMS_PER_CALL) {
            calls.add(datums.subList(start, Math.min(datums.size(), start + MAX_DATUMS_PER_CALL)));
        }
        return calls;
    }

    List<MetricDatum> datums(MetricsSnapshot snapshot, Instant at) {
        List<MetricDatum> datums = new ArrayList<>();
        for (SourceTotals source : snapshot.sources()) {
            List<Dimension> dimensions = dimensions(source.sourceStream(), null);
            datums.add(count(MetricNames.INVOCATIONS, dimensions, source.invocations(), at));
            datums.add(count(MetricNames.RECORDS_IN, dimensions, source.recordsIn(), at));
            source.warnings()
                    .forEach((name, value) -> datums.add(count(name, dimensions, value, at)));
        }
        for (TargetTotals target : snapshot.targets()) {
            List<Dimension> dimensions = dimensions(target.sourceStream(), target.targetId());
            target.counts()
                    .forEach((name, value) -> datums.add(count(name, dimensions, value, at)));
            target.lagStatistics().ifPresent(lag -> datums.add(lag(dimensions, lag, at)));
        }
        return datums;
    }

    private List<Dimension> dimensions(String sourceStream, String targetId) {
        List<Dimension> dimensions = new ArrayList<>(3);
        dimensions.add(dimension(MetricNames.FUNCTION_NAME, functionName));
        dimensions.add(dimension(MetricNames.SOURCE_STREAM, sourceStream));
        if (targetId != null) {
            dimensions.add(dimension(MetricNames.TARGET, targetId));
        }
        return List.copyOf(dimensions);
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static MetricDatum count(
            String name, List<Dimension> dimensions, long value, Instant at) {
        return MetricDatum.builder()
                .metricName(name)
                .dimensions(dimensions)
                .timestamp(at)
                .storageResolution(STORAGE_RESOLUTION_SECONDS)
                .unit(StandardUnit.COUNT)
                .value((double) value)
                .build();
    }

    private static MetricDatum lag(List<Dimension> dimensions, LagStatistics lag, Instant at) {
        return MetricDatum.builder()
                .metricName(MetricNames.DELIVERY_LAG)
                .dimensions(dimensions)
                .timestamp(at)
                .storageResolution(STORAGE_RESOLUTION_SECONDS)
                .unit(StandardUnit.MILLISECONDS)
                .statisticValues(
                        StatisticSet.builder()
                                .sampleCount((double) lag.sampleCount())
                                .sum(lag.sum())
                                .minimum(lag.minimum())
                                .maximum(lag.maximum())
                                .build())
                .build();
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
