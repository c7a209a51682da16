package fanout.console.aws.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * CloudWatch in memory, for the sandbox and tests: what the forwarder publishes with PutMetricData
 * is what the dashboard reads with GetMetricData. Data is kept in 1-minute buckets per (namespace,
 * name, dimension set), like standard-resolution metrics. Limits and errors are AWS's where a
 * caller could trip over them (1000 datums per PutMetricData, 500 queries per GetMetricData).
 * Thread-safe.
 */
public final class InMemoryCloudWatch implements CloudWatchClient {
    /** PutMetricData accepts at most this many datums per call. */
    public static final int MAX_DATUMS_PER_PUT = 1000;

    /** PutMetricData's HTTP POST payload limit (1 MB). */
    public static final int MAX_PUT_BYTES = 1024 * 1024;

    /** GetMetricData accepts at most this many queries per call. */
    public static final int MAX_QUERIES_PER_GET = 500;

    /**
     * Minutes of data kept per metric. AWS keeps 1-minute data for 15 days; a sandbox class only
     * ever looks back half an hour, and a day-long class must not fill the heap.
     */
    public static final long RETENTION_MINUTES = 6 * 60;

    private final Clock clock;
    private final Map<MetricKey, SortedMap<Long, Bucket>> metrics = new ConcurrentHashMap<>();
    private final AtomicLong putCalls = new AtomicLong();
    private final AtomicLong getCalls = new AtomicLong();
    private final AtomicLong queriesRequested = new AtomicLong();

    public InMemoryCloudWatch(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        putCalls.incrementAndGet();
        if (request.metricData().size() > MAX_DATUMS_PER_PUT) {
            throw invalid(
                    "The collection MetricData must not have a size greater than "
                            + MAX_DATUMS_PER_PUT
                            + ".");
        }
        if (request.namespace() == null || request.namespace().isBlank()) {
            throw invalid("The parameter Namespace is required.");
        }
        if (PutSize.estimate(request) > MAX_PUT_BYTES) {
            throw (CloudWatchException)
                    CloudWatchException.builder()
                            .message("Request Entity Too Large")
                            .statusCode(413)
                            .awsErrorDetails(
                                    AwsErrorDetails.builder()
                                            .errorCode("RequestEntityTooLarge")
                                            .errorMessage(
                                                    "PutMetricData requests are limited to "
                                                            + MAX_PUT_BYTES
                                                            + " bytes")
                                            .serviceName("CloudWatch")
                                            .build())
                            .build();
        }
        for (MetricDatum datum : request.metricData()) {
            if (datum.metricName() == null || datum.metricName().isBlank()) {
                throw invalid("The parameter MetricData.member.N.MetricName is required.");
            }
            Bucket sample = Bucket.of(datum);
            long minute = minuteOf(datum.timestamp() == null ? clock.instant() : datum.timestamp());
            MetricKey key =
                    MetricKey.of(request.namespace(), datum.metricName(), datum.dimensions());
            SortedMap<Long, Bucket> buckets = metrics.computeIfAbsent(key, k -> new TreeMap<>());
            synchronized (buckets) {
                buckets.merge(minute, sample, Bucket::plus);
                buckets.headMap(minuteOf(clock.instant()) - RETENTION_MINUTES).clear();
            }
        }
        return PutMetricDataResponse.builder().build();
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        getCalls.incrementAndGet();
        queriesRequested.addAndGet(request.metricDataQueries().size());
        return new MetricDataReader(this::snapshot, MAX_QUERIES_PER_GET, clock.instant())
                .read(request);
    }

    @Override
    public ListMetricsResponse listMetrics(ListMetricsRequest request) {
        List<Metric> found = new ArrayList<>();
        for (MetricKey key : metrics.keySet()) {
            if (key.matches(request.namespace(), request.metricName(), request.dimensions())) {
                found.add(key.toMetric());
            }
        }
        found.sort(
                (a, b) ->
                        (a.namespace() + a.metricName() + a.dimensions())
                                .compareTo(b.namespace() + b.metricName() + b.dimensions()));
        return ListMetricsResponse.builder().metrics(found).build();
    }

    /** PutMetricData calls so far. */
    public long putMetricDataCalls() {
        return putCalls.get();
    }

    /** GetMetricData calls so far, pages included. */
    public long getMetricDataCalls() {
        return getCalls.get();
    }

    /** Metrics requested by GetMetricData so far (what AWS bills). */
    public long metricsRequested() {
        return queriesRequested.get();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release: the data lives as long as the sandbox.
    }

    /** A copy of one metric's buckets, keyed by epoch minute. */
    SortedMap<Long, Bucket> snapshot(MetricKey key) {
        SortedMap<Long, Bucket> buckets = metrics.get(key);
        if (buckets == null) {
            return new TreeMap<>();
        }
        synchronized (buckets) {
            return new TreeMap<>(buckets);
        }
    }

    static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    static CloudWatchException invalid(String message) {
        return (CloudWatchException)
                InvalidParameterValueException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("InvalidParameterValue")
                                        .errorMessage(message)
                                        .serviceName("CloudWatch")
                                        .build())
                        .build();
    }

    /** A metric's identity: namespace, name and the dimension set (order does not matter). */
    record MetricKey(String namespace, String name, Map<String, String> dimensions) {
        static MetricKey of(String namespace, String name, List<Dimension> dimensions) {
            Map<String, String> map = new TreeMap<>();
            for (Dimension dimension : dimensions) {
                map.put(dimension.name(), dimension.value());
            }
            return new MetricKey(namespace, name, map);
        }

        boolean matches(String namespaceFilter, String nameFilter, List<DimensionFilter> filters) {
            if (namespaceFilter != null && !namespaceFilter.equals(namespace)) {
                return false;
            }
            if (nameFilter != null && !nameFilter.equals(name)) {
                return false;
            }
            for (DimensionFilter filter : filters) {
                String value = dimensions.get(filter.name());
                if (value == null || (filter.value() != null && !filter.value().equals(value))) {
                    return false;
                }
            }
            return true;
        }

        Metric toMetric() {
            List<Dimension> list = new ArrayList<>();
            new TreeMap<>(dimensions)
                    .forEach((k, v) -> list.add(Dimension.builder().name(k).value(v).build()));
            return Metric.builder().namespace(namespace).metricName(name).dimensions(list).build();
        }
    }

    /** One minute of one metric: a statistic set. */
    record Bucket(double sum, double sampleCount, double minimum, double maximum) {
        static Bucket of(MetricDatum datum) {
            if (datum.statisticValues() != null) {
                var set = datum.statisticValues();
                return new Bucket(set.sum(), set.sampleCount(), set.minimum(), set.maximum());
            }
            if (datum.hasValues() && !datum.values().isEmpty()) {
                Bucket total = null;
                for (int i = 0; i < datum.values().size(); i++) {
                    double count =
                            datum.hasCounts() && i < datum.counts().size()
                                    ? datum.counts().get(i)
                                    : 1;
                    double value = datum.values().get(i);
                    Bucket one = new Bucket(value * count, count, value, value);
                    total = total == null ? one : total.plus(one);
                }
                return total;
            }
            if (datum.value() == null) {
                throw invalid("The parameter MetricData.member.N.Value is required.");
            }
            double value = datum.value();
            return new Bucket(value, 1, value, value);
        }

        Bucket plus(Bucket other) {
            return new Bucket(
                    sum + other.sum,
                    sampleCount + other.sampleCount,
                    Math.min(minimum, other.minimum),
                    Math.max(maximum, other.maximum));
        }

        double statistic(String name) {
            switch (name) {
                case "Sum":
                    return sum;
                case "Maximum":
                    return maximum;
                case "Minimum":
                    return minimum;
                case "SampleCount":
                    return sampleCount;
                case "Average":
                    return sampleCount == 0 ? 0 : sum / sampleCount;
                default:
                    throw invalid("The statistic " + name + " is not supported.");
            }
        }
    }
}
