package fanout.console.status;

import fanout.console.status.CloudWatchMetricsSource.QuerySpec;
import fanout.metrics.MetricNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects GetMetricData results (which may arrive over several pages and calls) by query id and
 * folds them into totals, maxima and per-minute samples.
 */
final class MetricsFold {
    private final Map<String, QuerySpec> byId = new HashMap<>();
    private final Map<String, TreeMap<Instant, Double>> values = new HashMap<>();

    MetricsFold(List<QuerySpec> specs) {
        for (QuerySpec spec : specs) {
            byId.put(spec.queryId(), spec);
        }
    }

    void add(String queryId, List<Instant> timestamps, List<Double> points) {
        if (!byId.containsKey(queryId)) {
            return;
        }
        TreeMap<Instant, Double> series = values.computeIfAbsent(queryId, id -> new TreeMap<>());
        for (int i = 0; i < Math.min(timestamps.size(), points.size()); i++) {
            series.put(timestamps.get(i), points.get(i));
        }
    }

    MetricsReport report(List<String> targetIds, int metricsRequested, int calls) {
        Map<String, Map<String, TreeMap<Instant, Double>>> perTarget = new HashMap<>();
        Map<String, TreeMap<Instant, Double>> shared = new HashMap<>();
        Instant dataAsOf = null;
        for (Map.Entry<String, TreeMap<Instant, Double>> entry : values.entrySet()) {
            QuerySpec spec = byId.get(entry.getKey());
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Instant newest = entry.getValue().lastKey();
            dataAsOf = dataAsOf == null || newest.isAfter(dataAsOf) ? newest : dataAsOf;
            if (spec.target() == null) {
                // The shared metrics have distinct names, whatever their namespace.
                shared.put(spec.metric(), entry.getValue());
            } else {
                perTarget
                        .computeIfAbsent(spec.target(), t -> new HashMap<>())
                        .put(spec.metric(), entry.getValue());
            }
        }
        Map<String, TargetMetrics> targets = new HashMap<>();
        for (String id : targetIds) {
            targets.put(id, target(perTarget.getOrDefault(id, Map.of())));
        }
        TreeMap<Instant, Double> iteratorAge = shared.get(MetricNames.LAMBDA_ITERATOR_AGE);
        TreeMap<Instant, Long> recordsInByMinute = new TreeMap<>();
        TreeMap<Instant, Double> recordsIn = shared.get(MetricNames.RECORDS_IN);
        if (recordsIn != null) {
            recordsIn.forEach((minute, value) -> recordsInByMinute.put(minute, count(value)));
        }
        FunctionHealth health =
                new FunctionHealth(
                        iteratorAge == null || iteratorAge.isEmpty()
                                ? null
                                : Math.round(iteratorAge.lastEntry().getValue()),
                        max(iteratorAge),
                        sum(shared.get(MetricNames.LAMBDA_ERRORS)),
                        sum(shared.get(MetricNames.LAMBDA_THROTTLES)),
                        max(shared.get(MetricNames.LAMBDA_DURATION)),
                        max(shared.get(MetricNames.LAMBDA_CONCURRENT_EXECUTIONS)));
        return new MetricsReport(
                targets,
                sum(recordsIn),
                sum(shared.get(MetricNames.INVOCATIONS)),
                max(iteratorAge),
                health.errors(),
                dataAsOf,
                metricsRequested,
                calls,
                recordsInByMinute,
                health);
    }

    private static TargetMetrics target(Map<String, TreeMap<Instant, Double>> metrics) {
        TreeMap<Instant, Double> delivered = metrics.get(MetricNames.DELIVERED);
        Instant lastDelivery = null;
        if (delivered != null) {
            for (Map.Entry<Instant, Double> point : delivered.descendingMap().entrySet()) {
                if (point.getValue() > 0) {
                    lastDelivery = point.getKey();
                    break;
                }
            }
        }
        return new TargetMetrics(
                sum(delivered),
                sum(metrics.get(MetricNames.FAILED)),
                sum(metrics.get(MetricNames.THROTTLED)),
                sum(metrics.get(MetricNames.REJECTED)),
                sum(metrics.get(MetricNames.RESENT)),
                max(metrics.get(MetricNames.DELIVERY_LAG)),
                lastDelivery,
                minutes(metrics));
    }

    private static List<MinuteSample> minutes(Map<String, TreeMap<Instant, Double>> metrics) {
        TreeMap<Instant, Boolean> all = new TreeMap<>();
        metrics.values().forEach(series -> series.keySet().forEach(t -> all.put(t, true)));
        List<MinuteSample> samples = new ArrayList<>();
        for (Instant minute : all.keySet()) {
            Double lag = at(metrics, MetricNames.DELIVERY_LAG, minute);
            samples.add(
                    new MinuteSample(
                            minute,
                            count(at(metrics, MetricNames.DELIVERED, minute)),
                            count(at(metrics, MetricNames.FAILED, minute)),
                            count(at(metrics, MetricNames.THROTTLED, minute)),
                            count(at(metrics, MetricNames.REJECTED, minute)),
                            lag == null ? null : Math.round(lag)));
        }
        return samples;
    }

    private static Double at(
            Map<String, TreeMap<Instant, Double>> metrics, String name, Instant t) {
        TreeMap<Instant, Double> series = metrics.get(name);
        return series == null ? null : series.get(t);
    }

    private static long count(Double value) {
        return value == null ? 0 : Math.round(value);
    }

    private static long sum(TreeMap<Instant, Double> series) {
        if (series == null) {
            return 0;
        }
        double total = 0;
        for (double value : series.values()) {
            total += value;
        }
        return Math.round(total);
    }

    private static Long max(TreeMap<Instant, Double> series) {
        if (series == null || series.isEmpty()) {
            return null;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double value : series.values()) {
            max = Math.max(max, value);
        }
        return Math.round(max);
    }
}
