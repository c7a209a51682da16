package fanout.console.aws.memory;

import static fanout.console.aws.memory.CloudWatchData.FUNCTION;
import static fanout.console.aws.memory.CloudWatchData.T0;
import static fanout.console.aws.memory.CloudWatchData.TARGET;
import static fanout.console.aws.memory.CloudWatchData.count;
import static fanout.console.aws.memory.CloudWatchData.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/** The in-memory CloudWatch's API: what is put is read back, with AWS's limits and errors. */
class InMemoryCloudWatchTest extends CloudWatchData {
    @Test
    void putDataIsReadBackPerMinuteNewestFirstByDefault() {
        put(
                count("Delivered", 5, T0.plusSeconds(10)),
                count("Delivered", 7, T0.plusSeconds(50)),
                count("Delivered", 3, T0.plusSeconds(70)));
        MetricDataResult result =
                get(null, query("d", "Delivered", "Sum")).metricDataResults().get(0);
        assertThat(result.id()).isEqualTo("d");
        assertThat(result.label()).isEqualTo("Delivered");
        assertThat(result.timestamps()).containsExactly(T0.plusSeconds(60), T0);
        assertThat(result.values()).containsExactly(3.0, 12.0);
    }

    @Test
    void ascendingScanReturnsOldestFirst() {
        put(count("Delivered", 5, T0.plusSeconds(10)), count("Delivered", 3, T0.plusSeconds(70)));
        MetricDataResult result =
                get(ScanBy.TIMESTAMP_ASCENDING, query("d", "Delivered", "Sum"))
                        .metricDataResults()
                        .get(0);
        assertThat(result.timestamps()).containsExactly(T0, T0.plusSeconds(60));
        assertThat(result.values()).containsExactly(5.0, 3.0);
    }

    @Test
    void statisticSetsValuesAndCountsAggregateLikeCloudWatch() {
        put(
                MetricDatum.builder()
                        .metricName("DeliveryLag")
                        .dimensions(FUNCTION, TARGET)
                        .statisticValues(
                                StatisticSet.builder()
                                        .sampleCount(4.0)
                                        .sum(400.0)
                                        .minimum(10.0)
                                        .maximum(250.0)
                                        .build())
                        .timestamp(T0)
                        .build(),
                MetricDatum.builder()
                        .metricName("DeliveryLag")
                        .dimensions(FUNCTION, TARGET)
                        .values(20.0, 500.0)
                        .counts(2.0, 1.0)
                        .timestamp(T0.plusSeconds(5))
                        .build());
        GetMetricDataResponse response =
                get(
                        ScanBy.TIMESTAMP_ASCENDING,
                        query("mx", "DeliveryLag", "Maximum"),
                        query("mn", "DeliveryLag", "Minimum"),
                        query("n", "DeliveryLag", "SampleCount"),
                        query("s", "DeliveryLag", "Sum"),
                        query("a", "DeliveryLag", "Average"));
        assertThat(response.metricDataResults())
                .extracting(r -> r.values().get(0))
                .containsExactly(500.0, 10.0, 7.0, 940.0, 940.0 / 7);
    }

    @Test
    void aDatumWithoutTimestampLandsInTheClocksMinute() {
        put(
                MetricDatum.builder()
                        .metricName("Delivered")
                        .dimensions(FUNCTION, TARGET)
                        .value(2.0)
                        .build());
        assertThat(
                        get(null, query("d", "Delivered", "Sum"))
                                .metricDataResults()
                                .get(0)
                                .timestamps())
                .containsExactly(T0);
    }

    @Test
    void moreThanAThousandDatumsIsRejectedLikeAws() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            data.add(count("Delivered", 1, T0));
        }
        assertThatThrownBy(
                        () -> cloudWatch.putMetricData(b -> b.namespace("Fanout").metricData(data)))
                .isInstanceOf(InvalidParameterValueException.class)
                .satisfies(
                        e ->
                                assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                                        .isEqualTo("InvalidParameterValue"));
        assertThat(get(null, query("d", "Delivered", "Sum")).metricDataResults().get(0).values())
                .isEmpty();
    }

    @Test
    void moreThanFiveHundredQueriesIsAValidationError() {
        MetricDataQuery[] queries = new MetricDataQuery[501];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = query("q" + i, "Delivered", "Sum");
        }
        assertThatThrownBy(() -> get(null, queries))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(
                        e ->
                                assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                                        .isEqualTo("ValidationError"))
                .hasMessageContaining("500");
    }

    @Test
    void queryIdsMustFollowCloudWatchsPattern() {
        assertThatThrownBy(() -> get(null, query("Ab-12", "Delivered", "Sum")))
                .isInstanceOf(AwsServiceException.class)
                .hasMessageContaining("^[a-z][a-zA-Z0-9_]*$");
    }

    @Test
    void smallPagesAreFollowedWithNextToken() {
        for (int minute = 0; minute < 5; minute++) {
            put(count("Delivered", minute + 1, T0.plusSeconds(60L * minute)));
        }
        List<Double> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            GetMetricDataResponse page =
                    cloudWatch.getMetricData(
                            GetMetricDataRequest.builder()
                                    .startTime(T0)
                                    .endTime(T0.plusSeconds(600))
                                    .maxDatapoints(2)
                                    .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                                    .metricDataQueries(query("d", "Delivered", "Sum"))
                                    .nextToken(token)
                                    .build());
            page.metricDataResults().forEach(r -> seen.addAll(r.values()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(cloudWatch.getMetricDataCalls()).isEqualTo(3);
    }

    @Test
    void dataOutsideStartAndEndIsLeftOut() {
        put(
                count("Delivered", 1, T0.minusSeconds(1)),
                count("Delivered", 2, T0.plusSeconds(600)),
                count("Delivered", 4, T0.plusSeconds(599)));
        assertThat(get(null, query("d", "Delivered", "Sum")).metricDataResults().get(0).values())
                .containsExactly(4.0);
    }

    @Test
    void listMetricsFiltersByNamespaceNameAndDimension() {
        put(count("Delivered", 1, T0), count("Failed", 1, T0));
        cloudWatch.putMetricData(b -> b.namespace("Other").metricData(count("Delivered", 1, T0)));
        List<Metric> metrics =
                cloudWatch
                        .listMetrics(
                                b ->
                                        b.namespace("Fanout")
                                                .dimensions(
                                                        DimensionFilter.builder()
                                                                .name("Target")
                                                                .value("ab12")
                                                                .build()))
                        .metrics();
        assertThat(metrics).extracting(Metric::metricName).containsExactly("Delivered", "Failed");
        assertThat(cloudWatch.listMetrics(b -> b.metricName("Delivered")).metrics()).hasSize(2);
    }

    @Test
    void callsAndRequestedMetricsAreCounted() {
        put(count("Delivered", 1, T0));
        get(null, query("a", "Delivered", "Sum"), query("b", "Failed", "Sum"));
        assertThat(cloudWatch.putMetricDataCalls()).isEqualTo(1);
        assertThat(cloudWatch.getMetricDataCalls()).isEqualTo(1);
        assertThat(cloudWatch.metricsRequested()).isEqualTo(2);
    }

    @Test
    void concurrentPutsAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                puts.add(pool.submit(() -> put(count("Delivered", 1, T0))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(get(null, query("d", "Delivered", "Sum")).metricDataResults().get(0).values())
                .containsExactly(400.0);
        assertThat(cloudWatch.putMetricDataCalls()).isEqualTo(400);
    }

    @Test
    void aPutMetricDataRequestOverOneMegabyteIsRefusedAs413() {
        String longValue = "v".repeat(250);
        List<MetricDatum> data = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(
                    MetricDatum.builder()
                            .metricName("Delivered")
                            .dimensions(
                                    Dimension.builder().name("A").value(longValue + i).build(),
                                    Dimension.builder().name("B").value(longValue).build(),
                                    Dimension.builder().name("C").value(longValue).build(),
                                    Dimension.builder().name("D").value(longValue).build())
                            .value(1.0)
                            .build());
        }

        assertThatThrownBy(
                        () -> cloudWatch.putMetricData(b -> b.namespace("Fanout").metricData(data)))
                .isInstanceOf(CloudWatchException.class)
                .satisfies(e -> assertThat(((CloudWatchException) e).statusCode()).isEqualTo(413));
        cloudWatch.putMetricData(b -> b.namespace("Fanout").metricData(data.subList(0, 500)));
    }
}
