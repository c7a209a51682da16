package fanout.console.aws.memory;

import fanout.console.aws.policy.AwsFaults;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
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
 * is what the dashboard reads with GetMetricData. Data is kept per (namespace, name, dimension set)
 * at the resolution it was put with ({@link MetricStore}) and read back by {@link
 * MetricDataReader}. Limits and errors are AWS's where a caller could trip over them (1000 datums
 * per PutMetricData, 500 queries per GetMetricData, StorageResolution 1 or 60). Thread-safe.
 */
public final class InMemoryCloudWatch implements CloudWatchClient {
    /** PutMetricData accepts at most this many datums per call. */
    public static final int MAX_DATUMS_PER_PUT = 1000;

    /** PutMetricData's HTTP POST payload limit (1 MB). */
    public static final int MAX_PUT_BYTES = 1024 * 1024;

    /** GetMetricData accepts at most this many queries per call. */
    public static final int MAX_QUERIES_PER_GET = 500;

    private final Clock clock;
    private final MetricStore store = new MetricStore();
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
            // The HTTP layer refuses it: its message is the status line, not the error's.
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
            boolean highResolution = highResolution(datum);
            Instant at = datum.timestamp() == null ? clock.instant() : datum.timestamp();
            MetricKey key =
                    MetricKey.of(request.namespace(), datum.metricName(), datum.dimensions());
            store.add(key, sample, highResolution, at, clock.instant());
        }
        return PutMetricDataResponse.builder().build();
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        getCalls.incrementAndGet();
        queriesRequested.addAndGet(request.metricDataQueries().size());
        return new MetricDataReader(store::snapshot, MAX_QUERIES_PER_GET, clock.instant())
                .read(request);
    }

    @Override
    public ListMetricsResponse listMetrics(ListMetricsRequest request) {
        List<Metric> found = new ArrayList<>();
        for (MetricKey key : store.keys()) {
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

    /** StorageResolution 1 is high resolution, 60 (or none) standard; anything else is refused. */
    private static boolean highResolution(MetricDatum datum) {
        Integer resolution = datum.storageResolution();
        if (resolution == null || resolution == 60) {
            return false;
        }
        if (resolution == 1) {
            return true;
        }
        throw invalid(
                "The value "
                        + resolution
                        + " for parameter MetricData.member.N.StorageResolution is invalid:"
                        + " valid values are 1 and 60.");
    }

    static CloudWatchException invalid(String message) {
        return AwsFaults.CLOUDWATCH.fault(
                InvalidParameterValueException.builder(), "InvalidParameterValue", 400, message);
    }
}
