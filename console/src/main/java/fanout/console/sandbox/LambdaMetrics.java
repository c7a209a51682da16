package fanout.console.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * The metrics Lambda itself publishes for a function fed by an event source mapping ({@code
 * AWS/Lambda} Invocations, Errors, IteratorAge), gathered between flushes so the dashboard reads
 * them where it reads AWS's.
 */
final class LambdaMetrics {
    static final String NAMESPACE = "AWS/Lambda";

    private final CloudWatchClient cloudWatch;
    private final Clock clock;
    private final Map<String, Counts> byFunction = new HashMap<>();

    LambdaMetrics(CloudWatchClient cloudWatch, Clock clock) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    synchronized void invoked(String function, boolean error) {
        Counts counts = counts(function);
        counts.invocations++;
        if (error) {
            counts.errors++;
        }
    }

    synchronized void iteratorAge(String function, long millis) {
        Counts counts = counts(function);
        counts.maxAgeMillis = Math.max(counts.maxAgeMillis, Math.max(0, millis));
        counts.ageSeen = true;
    }

    /** Publishes what was gathered since the last flush (one PutMetricData per function). */
    void flush() {
        Map<String, Counts> taken;
        synchronized (this) {
            taken = new HashMap<>(byFunction);
            byFunction.clear();
        }
        taken.forEach(
                (function, counts) -> {
                    List<MetricDatum> data = new ArrayList<>();
                    Dimension dimension =
                            Dimension.builder().name("FunctionName").value(function).build();
                    data.add(
                            datum(
                                    "Invocations",
                                    counts.invocations,
                                    StandardUnit.COUNT,
                                    dimension));
                    data.add(datum("Errors", counts.errors, StandardUnit.COUNT, dimension));
                    if (counts.ageSeen) {
                        data.add(
                                datum(
                                        "IteratorAge",
                                        counts.maxAgeMillis,
                                        StandardUnit.MILLISECONDS,
                                        dimension));
                    }
                    cloudWatch.putMetricData(
                            PutMetricDataRequest.builder()
                                    .namespace(NAMESPACE)
                                    .metricData(data)
                                    .build());
                });
    }

    private MetricDatum datum(String name, double value, StandardUnit unit, Dimension dimension) {
        return MetricDatum.builder()
                .metricName(name)
                .dimensions(dimension)
                .value(value)
                .unit(unit)
                .timestamp(clock.instant())
                .build();
    }

    private Counts counts(String function) {
        return byFunction.computeIfAbsent(function, f -> new Counts());
    }

    private static final class Counts {
        long invocations;
        long errors;
        long maxAgeMillis;
        boolean ageSeen;
    }
}
