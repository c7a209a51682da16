package fanout.console.aws.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * The in-memory CloudWatch's tests: a CloudWatch whose clock stands 30 s after {@link #T0}, and the
 * datums and queries of one target's metrics in Fanout.
 */
abstract class CloudWatchData {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Dimension TARGET = Dimension.builder().name("Target").value("ab12").build();
    static final Dimension FUNCTION =
            Dimension.builder().name("FunctionName").value("fanout").build();

    final InMemoryCloudWatch cloudWatch =
            new InMemoryCloudWatch(Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC));

    void put(MetricDatum... data) {
        put(cloudWatch, data);
    }

    GetMetricDataResponse get(ScanBy scanBy, MetricDataQuery... queries) {
        return get(cloudWatch, scanBy, queries);
    }

    static MetricDatum count(String name, double value, Instant at) {
        return MetricDatum.builder()
                .metricName(name)
                .dimensions(FUNCTION, TARGET)
                .unit(StandardUnit.COUNT)
                .value(value)
                .timestamp(at)
                .build();
    }

    static MetricDatum highResolution(String name, double value, Instant at) {
        return count(name, value, at).toBuilder().storageResolution(1).build();
    }

    static void put(InMemoryCloudWatch cloudWatch, MetricDatum... data) {
        cloudWatch.putMetricData(b -> b.namespace("Fanout").metricData(data));
    }

    static MetricDataQuery query(String id, String name, String stat) {
        return MetricDataQuery.builder()
                .id(id)
                .metricStat(
                        MetricStat.builder()
                                .metric(
                                        Metric.builder()
                                                .namespace("Fanout")
                                                .metricName(name)
                                                // Dimension order does not matter.
                                                .dimensions(TARGET, FUNCTION)
                                                .build())
                                .period(60)
                                .stat(stat)
                                .build())
                .build();
    }

    /** Reads the queries over the ten minutes from {@link #T0}. */
    static GetMetricDataResponse get(
            InMemoryCloudWatch cloudWatch, ScanBy scanBy, MetricDataQuery... queries) {
        return cloudWatch.getMetricData(
                GetMetricDataRequest.builder()
                        .startTime(T0)
                        .endTime(T0.plusSeconds(600))
                        .scanBy(scanBy)
                        .metricDataQueries(queries)
                        .build());
    }

    static MetricDataQuery withPeriod(MetricDataQuery query, int period) {
        return query.toBuilder()
                .metricStat(query.metricStat().toBuilder().period(period).build())
                .build();
    }

    /** Reads Delivered's Sum from {@code start} to {@code now} at {@code period}, oldest first. */
    static MetricDataResult read(InMemoryCloudWatch from, Instant start, Instant now, int period) {
        return from.getMetricData(
                        GetMetricDataRequest.builder()
                                .startTime(start)
                                .endTime(now)
                                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                                .metricDataQueries(
                                        withPeriod(query("d", "Delivered", "Sum"), period))
                                .build())
                .metricDataResults()
                .get(0);
    }
}
