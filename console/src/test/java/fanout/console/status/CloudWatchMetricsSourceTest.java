package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.memory.InMemoryCloudWatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

class CloudWatchMetricsSourceTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    final InMemoryCloudWatch cloudWatch =
            new InMemoryCloudWatch(Clock.fixed(T0.plusSeconds(290), ZoneOffset.UTC));

    static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("S-%03d", i));
        }
        return ids;
    }

    static MetricsRequest request(List<String> ids) {
        return new MetricsRequest(
                "Fanout", "fanout", "coreRetailStream", ids, T0, T0.plusSeconds(300));
    }

    void publish(String namespace, String name, double value, Instant at, String... dims) {
        StatusFakes.publish(cloudWatch, namespace, name, value, at, dims);
    }

    void target(String id, String name, double value, Instant at) {
        publish(
                "Fanout",
                name,
                value,
                at,
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream",
                "Target",
                id);
    }

    @Test
    void threeHundredTargetsTakeCeilOfQueriesOver500CallsNeverOnePerTarget() {
        List<String> ids = ids(300);
        target("S-299", "Delivered", 4, T0.plusSeconds(60));
        CloudWatchMetricsSource source = new CloudWatchMetricsSource(cloudWatch);
        MetricsReport report = source.read(request(ids));
        int expectedCalls = (300 * 6 + 7 + 499) / 500;
        assertThat(expectedCalls).isEqualTo(4);
        assertThat(cloudWatch.getMetricDataCalls()).isEqualTo(expectedCalls);
        assertThat(report.calls()).isEqualTo(expectedCalls);
        assertThat(CloudWatchMetricsSource.callsPerRead(300)).isEqualTo(expectedCalls);
        assertThat(report.metricsRequested()).isEqualTo(1807);
        assertThat(cloudWatch.metricsRequested()).isEqualTo(1807);
        assertThat(report.target("S-299").delivered()).isEqualTo(4);
        assertThat(report.targets()).hasSize(300);
    }

    @Test
    void totalsMaximaAndTheNewestMinuteAreFolded() {
        target("ab12", "Delivered", 10, T0);
        target("ab12", "Delivered", 5, T0.plusSeconds(120));
        target("ab12", "Failed", 1, T0.plusSeconds(60));
        target("ab12", "Throttled", 3, T0.plusSeconds(60));
        target("ab12", "Rejected", 2, T0.plusSeconds(60));
        target("ab12", "Resent", 6, T0.plusSeconds(60));
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName("DeliveryLag")
                                                .dimensions(
                                                        Dimension.builder()
                                                                .name("FunctionName")
                                                                .value("fanout")
                                                                .build(),
                                                        Dimension.builder()
                                                                .name("SourceStream")
                                                                .value("coreRetailStream")
                                                                .build(),
                                                        Dimension.builder()
                                                                .name("Target")
                                                                .value("ab12")
                                                                .build())
                                                .statisticValues(
                                                        StatisticSet.builder()
                                                                .sampleCount(3.0)
                                                                .sum(900.0)
                                                                .minimum(100.0)
                                                                .maximum(700.0)
                                                                .build())
                                                .timestamp(T0.plusSeconds(120))
                                                .storageResolution(1)
                                                .build()));
        publish(
                "Fanout",
                "RecordsIn",
                15,
                T0,
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream");
        publish(
                "Fanout",
                "Invocations",
                3,
                T0,
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream");
        publish("AWS/Lambda", "IteratorAge", 2500, T0.plusSeconds(180), "FunctionName", "fanout");
        publish("AWS/Lambda", "Errors", 1, T0, "FunctionName", "fanout");

        MetricsReport report =
                new CloudWatchMetricsSource(cloudWatch).read(request(List.of("ab12", "cd34")));

        TargetMetrics ab12 = report.target("ab12");
        assertThat(ab12.delivered()).isEqualTo(15);
        assertThat(ab12.failed()).isEqualTo(1);
        assertThat(ab12.throttled()).isEqualTo(3);
        assertThat(ab12.rejected()).isEqualTo(2);
        assertThat(ab12.resent()).isEqualTo(6);
        assertThat(ab12.lagMs()).isEqualTo(700);
        assertThat(ab12.lastDeliveryAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(ab12.minutes())
                .extracting(MinuteSample::minute)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(ab12.minutes().get(2).lagMs()).isEqualTo(700);
        assertThat(report.target("cd34")).isEqualTo(TargetMetrics.NONE);
        assertThat(report.recordsIn()).isEqualTo(15);
        assertThat(report.invocations()).isEqualTo(3);
        assertThat(report.iteratorAgeMs()).isEqualTo(2500);
        assertThat(report.functionErrors()).isEqualTo(1);
        assertThat(report.dataAsOf()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void pagesAreFollowedAndMerged() {
        for (int minute = 0; minute < 5; minute++) {
            target("ab12", "Delivered", 1, T0.plusSeconds(60L * minute));
            target("cd34", "Delivered", 2, T0.plusSeconds(60L * minute));
        }
        MetricsReport report =
                new CloudWatchMetricsSource(cloudWatch, 3).read(request(List.of("ab12", "cd34")));
        assertThat(report.calls()).isEqualTo(4);
        assertThat(cloudWatch.getMetricDataCalls()).isEqualTo(4);
        assertThat(report.target("ab12").delivered()).isEqualTo(5);
        assertThat(report.target("cd34").delivered()).isEqualTo(10);
        assertThat(report.target("cd34").minutes()).hasSize(5);
    }

    @Test
    void anotherNamespaceIsReadWhenTheFunctionUsesOne() {
        publish(
                "Class42",
                "Delivered",
                9,
                T0,
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream",
                "Target",
                "ab12");
        MetricsReport report =
                new CloudWatchMetricsSource(cloudWatch)
                        .read(
                                new MetricsRequest(
                                        "Class42",
                                        "fanout",
                                        "coreRetailStream",
                                        List.of("ab12"),
                                        T0,
                                        T0.plusSeconds(300)));
        assertThat(report.target("ab12").delivered()).isEqualTo(9);
    }

    @Test
    void queryIdsAreSafeWhateverTheTargetIds() {
        List<CloudWatchMetricsSource.QuerySpec> specs =
                CloudWatchMetricsSource.specs(request(List.of("AB-12", "9x", "é")));
        assertThat(specs).hasSize(3 * 6 + 7);
        assertThat(specs).allSatisfy(s -> assertThat(s.queryId()).matches("^[a-z][a-zA-Z0-9_]*$"));
    }

    @Test
    void costOfOneRefreshIsPricedPerMetric() {
        int metrics = new CloudWatchMetricsSource(cloudWatch).metricsPerRead(300);
        assertThat(metrics).isEqualTo(1807);
        assertThat(StatusCost.usdPerHour(metrics, java.time.Duration.ofSeconds(60)))
                .isCloseTo(60 * 1807 * 0.01 / 1000, org.assertj.core.data.Offset.offset(1e-9));
    }
}
