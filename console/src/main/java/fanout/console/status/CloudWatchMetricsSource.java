package fanout.console.status;

import fanout.metrics.MetricNames;
import fanout.metrics.MetricQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads a refresh's metrics with GetMetricData: every target's six metrics plus the source's and
 * the function's, batched {@value #MAX_QUERIES_PER_CALL} queries per call and never one call per
 * target, following NextToken pages.
 */
public final class CloudWatchMetricsSource implements MetricsSource {
    /** GetMetricData accepts at most this many queries per call. */
    public static final int MAX_QUERIES_PER_CALL = 500;

    /**
     * The period of the function's standard-resolution AWS/Lambda metrics; the forwarder's own
     * high-resolution ones are read at {@link MetricPeriods#RECENT_PERIOD_SECONDS}, and a longer
     * window reads coarser periods (see {@link MetricPeriods}).
     */
    public static final int PERIOD_SECONDS = 60;

    private final CloudWatchClient cloudWatch;
    private final Integer maxDatapoints;

    public CloudWatchMetricsSource(CloudWatchClient cloudWatch) {
        this(cloudWatch, null);
    }

    /**
     * @param maxDatapoints GetMetricData's MaxDatapoints per page, null for the AWS default
     */
    public CloudWatchMetricsSource(CloudWatchClient cloudWatch, Integer maxDatapoints) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.maxDatapoints = maxDatapoints;
    }

    @Override
    public int metricsPerRead(int targets) {
        return queriesPerRead(targets);
    }

    /** Metrics (queries) one read of {@code targets} targets requests. */
    public static int queriesPerRead(int targets) {
        return MetricQueries.perRead(targets);
    }

    /** GetMetricData calls one read of {@code targets} targets makes when nothing pages. */
    public static int callsPerRead(int targets) {
        return (queriesPerRead(targets) + MAX_QUERIES_PER_CALL - 1) / MAX_QUERIES_PER_CALL;
    }

    @Override
    public MetricsReport read(MetricsRequest request) {
        List<QuerySpec> specs = specs(request);
        MetricsFold fold =
                new MetricsFold(specs, java.time.Duration.ofSeconds(finePeriod(request)));
        int calls = 0;
        for (int from = 0; from < specs.size(); from += MAX_QUERIES_PER_CALL) {
            List<QuerySpec> chunk =
                    specs.subList(from, Math.min(specs.size(), from + MAX_QUERIES_PER_CALL));
            String token = null;
            do {
                GetMetricDataResponse response =
                        cloudWatch.getMetricData(call(request, chunk, token));
                calls++;
                for (MetricDataResult result : response.metricDataResults()) {
                    fold.add(result.id(), result.timestamps(), result.values());
                }
                token = response.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return fold.report(request.targetIds(), specs.size(), calls);
    }

    private GetMetricDataRequest call(MetricsRequest request, List<QuerySpec> chunk, String token) {
        List<MetricDataQuery> queries = new ArrayList<>(chunk.size());
        // The window's start is its oldest data: its age decides the resolution CloudWatch has.
        // The forwarder's metrics are high resolution (10 s for the state); AWS/Lambda's are not.
        int period = MetricPeriods.periodSeconds(age(request));
        int fine = finePeriod(request);
        for (QuerySpec spec : chunk) {
            boolean lambda = MetricNames.LAMBDA_NAMESPACE.equals(spec.namespace());
            queries.add(spec.toQuery(lambda ? period : fine));
        }
        return GetMetricDataRequest.builder()
                .startTime(request.start())
                .endTime(request.end())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(queries)
                .maxDatapoints(maxDatapoints)
                .nextToken(token)
                .build();
    }

    private static java.time.Duration age(MetricsRequest request) {
        return java.time.Duration.between(request.start(), request.end());
    }

    /** The period the forwarder's own metrics are read at for this request. */
    static int finePeriod(MetricsRequest request) {
        return MetricPeriods.finePeriodSeconds(age(request));
    }

    /** The function's own Lambda metrics and the statistic each is read with, in query order. */
    private static final Map<String, String> LAMBDA_STATISTICS = lambdaStatistics();

    private static Map<String, String> lambdaStatistics() {
        Map<String, String> statistics = new java.util.LinkedHashMap<>();
        statistics.put(MetricNames.LAMBDA_ITERATOR_AGE, "Maximum");
        statistics.put(MetricNames.LAMBDA_ERRORS, "Sum");
        statistics.put(MetricNames.LAMBDA_THROTTLES, "Sum");
        statistics.put(MetricNames.LAMBDA_DURATION, "Maximum");
        statistics.put(MetricNames.LAMBDA_CONCURRENT_EXECUTIONS, "Maximum");
        return java.util.Collections.unmodifiableMap(statistics);
    }

    static List<QuerySpec> specs(MetricsRequest request) {
        List<QuerySpec> specs = new ArrayList<>();
        Map<String, String> source =
                Map.of(
                        MetricNames.FUNCTION_NAME, request.functionName(),
                        MetricNames.SOURCE_STREAM, request.sourceStream());
        for (String target : request.targetIds()) {
            Map<String, String> dimensions = new java.util.TreeMap<>(source);
            dimensions.put(MetricNames.TARGET, target);
            for (String name : MetricQueries.TARGET_SUMS) {
                specs.add(spec(specs, request.namespace(), name, dimensions, "Sum", target));
            }
            specs.add(
                    spec(
                            specs,
                            request.namespace(),
                            MetricNames.DELIVERY_LAG,
                            dimensions,
                            "Maximum",
                            target));
        }
        specs.add(spec(specs, request.namespace(), MetricNames.RECORDS_IN, source, "Sum", null));
        specs.add(spec(specs, request.namespace(), MetricNames.INVOCATIONS, source, "Sum", null));
        Map<String, String> function = Map.of(MetricNames.FUNCTION_NAME, request.functionName());
        LAMBDA_STATISTICS.forEach(
                (metric, statistic) ->
                        specs.add(
                                spec(
                                        specs,
                                        MetricNames.LAMBDA_NAMESPACE,
                                        metric,
                                        function,
                                        statistic,
                                        null)));
        return specs;
    }

    /**
     * Query ids must match {@code ^[a-z][a-zA-Z0-9_]*$}; target ids need not, so ids are positions
     * and the fold maps them back.
     */
    private static QuerySpec spec(
            List<QuerySpec> before,
            String namespace,
            String metric,
            Map<String, String> dimensions,
            String statistic,
            String target) {
        return new QuerySpec(
                "m" + before.size(), namespace, metric, Map.copyOf(dimensions), statistic, target);
    }

    /** One GetMetricData query and what it is for. */
    record QuerySpec(
            String queryId,
            String namespace,
            String metric,
            Map<String, String> dimensions,
            String statistic,
            String target) {

        MetricDataQuery toQuery() {
            return toQuery(PERIOD_SECONDS);
        }

        MetricDataQuery toQuery(int period) {
            List<Dimension> list = new ArrayList<>();
            new java.util.TreeMap<>(dimensions)
                    .forEach(
                            (name, value) ->
                                    list.add(Dimension.builder().name(name).value(value).build()));
            Metric metricValue =
                    Metric.builder()
                            .namespace(namespace)
                            .metricName(metric)
                            .dimensions(list)
                            .build();
            return MetricDataQuery.builder()
                    .id(queryId)
                    .metricStat(
                            MetricStat.builder()
                                    .metric(metricValue)
                                    .period(period)
                                    .stat(statistic)
                                    .build())
                    .returnData(true)
                    .build();
        }
    }
}
