package fanout.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.testing.RecordingCloudWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

class CloudWatchMetricsPublisherTest {
    private static final Instant NOW = Instant.parse("2026-11-25T17:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Executor DIRECT = Runnable::run;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void sendsTwentyFiveHundredDatumsInThreeCallsOfAtMostAThousand() {
        RecordingCloudWatch cloudWatch = new RecordingCloudWatch();

        publisher(cloudWatch, DIRECT).publish(metricsWithDatums(2500)).join();

        assertThat(cloudWatch.requests).hasSize(3);
        assertThat(cloudWatch.requests)
                .allSatisfy(
                        request -> assertThat(request.metricData()).hasSizeLessThanOrEqualTo(1000))
                .allSatisfy(request -> assertThat(request.namespace()).isEqualTo("Fanout"));
        Set<MetricDatum> distinct = new HashSet<>();
        cloudWatch.requests.forEach(request -> distinct.addAll(request.metricData()));
        assertThat(distinct).hasSize(2500);
        assertThat(log).isEmpty();
    }

    @Test
    void publishesOneHighResolutionDatumPerMetricAndDimensionsWithExactUnits() {
        RecordingCloudWatch cloudWatch = new RecordingCloudWatch();
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.invocation("coreRetailStream");
        metrics.recordsIn("coreRetailStream", 5);
        metrics.count("coreRetailStream", "ab12", MetricNames.DELIVERED, 3);
        metrics.count("coreRetailStream", "ab12", MetricNames.DELIVERED, 2);
        metrics.lag("coreRetailStream", "ab12", 100);
        metrics.lag("coreRetailStream", "ab12", 300);
        metrics.count("coreRetailStream", "cd34", MetricNames.FAILED, 5);

        publisher(cloudWatch, DIRECT).publish(metrics).join();

        List<Dimension> source =
                List.of(
                        dimension("FunctionName", "fanout"),
                        dimension("SourceStream", "coreRetailStream"));
        List<Dimension> ab12 = List.of(source.get(0), source.get(1), dimension("Target", "ab12"));
        List<Dimension> cd34 = List.of(source.get(0), source.get(1), dimension("Target", "cd34"));
        assertThat(cloudWatch.requests).hasSize(1);
        assertThat(cloudWatch.requests.get(0).metricData())
                .containsExactly(
                        count("Invocations", source, 1),
                        count("RecordsIn", source, 5),
                        count("Delivered", ab12, 5),
                        MetricDatum.builder()
                                .metricName("DeliveryLag")
                                .dimensions(ab12)
                                .timestamp(NOW)
                                .storageResolution(1)
                                .unit(StandardUnit.MILLISECONDS)
                                .statisticValues(
                                        StatisticSet.builder()
                                                .sampleCount(2.0)
                                                .sum(400.0)
                                                .minimum(100.0)
                                                .maximum(300.0)
                                                .build())
                                .build(),
                        count("Delivered", cd34, 0),
                        count("Failed", cd34, 5));
    }

    @Test
    void aThrowingClientNeverFailsTheFutureAndIsLoggedOnce() {
        RecordingCloudWatch cloudWatch =
                new RecordingCloudWatch(
                        request -> {
                            throw CloudWatchException.builder()
                                    .message("Rate exceeded")
                                    .statusCode(400)
                                    .build();
                        });

        CompletableFuture<Void> published =
                publisher(cloudWatch, DIRECT).publish(metricsWithDatums(2500));

        assertThat(published).succeedsWithin(Duration.ofSeconds(10));
        assertThat(cloudWatch.requests).hasSize(3);
        assertThat(log).hasSize(1);
        assertThat(log.get(0))
                .contains("3 of 3 PutMetricData calls to Fanout failed")
                .contains("Rate exceeded");
    }

    @Test
    void aRefusingExecutorIsLoggedAndNeverFailsTheFuture() {
        RecordingCloudWatch cloudWatch = new RecordingCloudWatch();
        Executor refusing =
                task -> {
                    throw new RejectedExecutionException("pool is shut down");
                };

        CompletableFuture<Void> published =
                publisher(cloudWatch, refusing).publish(metricsWithDatums(4));

        assertThat(published).isCompleted().isNotCompletedExceptionally();
        assertThat(cloudWatch.requests).isEmpty();
        assertThat(log).singleElement().asString().contains("pool is shut down");
    }

    @Test
    void sendsTheCallsConcurrently() throws Exception {
        CountDownLatch allInFlight = new CountDownLatch(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        RecordingCloudWatch cloudWatch =
                new RecordingCloudWatch(
                        request -> {
                            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            allInFlight.countDown();
                            boolean together = allInFlight.await(10, TimeUnit.SECONDS);
                            inFlight.decrementAndGet();
                            if (!together) {
                                throw new IllegalStateException("the other calls never started");
                            }
                        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            publisher(cloudWatch, pool).publish(metricsWithDatums(2500)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(mostInFlight.get()).isEqualTo(3);
        assertThat(log).isEmpty();
    }

    @Test
    void nothingMeasuredMeansNoCall() {
        RecordingCloudWatch cloudWatch = new RecordingCloudWatch();

        CompletableFuture<Void> published =
                publisher(cloudWatch, DIRECT).publish(new InvocationMetrics());

        assertThat(published).isCompleted();
        assertThat(cloudWatch.requests).isEmpty();
    }

    @Test
    void splitsAtExactlyTheLimit() {
        assertThat(CloudWatchMetricsPublisher.partition(datums(1000))).hasSize(1);
        assertThat(CloudWatchMetricsPublisher.partition(datums(1001)))
                .extracting(List::size)
                .containsExactly(1000, 1);
        assertThat(CloudWatchMetricsPublisher.partition(List.of())).isEmpty();
    }

    private CloudWatchMetricsPublisher publisher(
            RecordingCloudWatch cloudWatch, Executor executor) {
        return new CloudWatchMetricsPublisher(
                cloudWatch, "Fanout", "fanout", executor, CLOCK, log::add);
    }

    /** A source (2 datums) and targets with Delivered and DeliveryLag (2 datums each). */
    private static InvocationMetrics metricsWithDatums(int datums) {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.invocation("coreRetailStream");
        metrics.recordsIn("coreRetailStream", 10);
        for (int target = 0; target < (datums - 2) / 2; target++) {
            metrics.count("coreRetailStream", "t" + target, MetricNames.DELIVERED, 10);
            metrics.lag("coreRetailStream", "t" + target, 250);
        }
        return metrics;
    }

    private static List<MetricDatum> datums(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> MetricDatum.builder().metricName("m" + i).build())
                .toList();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static MetricDatum count(String name, List<Dimension> dimensions, double value) {
        return MetricDatum.builder()
                .metricName(name)
                .dimensions(dimensions)
                .timestamp(NOW)
                .storageResolution(1)
                .unit(StandardUnit.COUNT)
                .value(value)
                .build();
    }
}
