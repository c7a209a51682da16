package fanout.console.status;

import fanout.console.status.CloudWatchMetricsSource.QuerySpec;
import fanout.metrics.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects GetMetricData results (which may arrive over several pages and calls) by query id and
 * folds them into totals, maxima and per-minute samples. The forwarder's metrics may have been read
 * at a sub-minute period: they are added up into minutes for the totals and sparklines, and kept as
 * they are for the {@link RecentSamples} the states are judged on.
 */
final class MetricsFold {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Map<String, QuerySpec> byId = new HashMap<>();
    private final Map<String, TreeMap<Instant, Double>> values = new HashMap<>();
    private final Duration finePeriod;

    MetricsFold(List<QuerySpec> specs) {
        this(specs, MINUTE);
    }

    /**
     * @param finePeriod the period the forwarder's own metrics were read at (the function's
     *     AWS/Lambda metrics are always read per minute or coarser)
     */
    MetricsFold(List<QuerySpec> specs, Duration finePeriod) {
        for (QuerySpec spec : specs) {
            byId.put(spec.queryId(), spec);
        }
        this.finePeriod = finePeriod;
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
        Map<String, Map<String, TreeMap<Instant, Double>>> fineTargets = new HashMap<>();
        Map<String, TreeMap<Instant, Double>> shared = new HashMap<>();
        TreeMap<Instant, Double> fineRecordsIn = new TreeMap<>();
        Instant dataAsOf = null;
        boolean subMinute = finePeriod.compareTo(MINUTE) < 0;
        for (Map.Entry<String, TreeMap<Instant, Double>> entry : values.entrySet()) {
            QuerySpec spec = byId.get(entry.getKey());
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Instant newest = entry.getValue().lastKey();
            dataAsOf = dataAsOf == null || newest.isAfter(dataAsOf) ? newest : dataAsOf;
            boolean fine = subMinute && !MetricNames.LAMBDA_NAMESPACE.equals(spec.namespace());
            TreeMap<Instant, Double> series =
                    fine ? perMinute(entry.getValue(), spec.statistic()) : entry.getValue();
            if (spec.target() == null) {
                // The shared metrics have distinct names, whatever their namespace.
                shared.put(spec.metric(), series);
                if (fine && MetricNames.RECORDS_IN.equals(spec.metric())) {
                    fineRecordsIn = entry.getValue();
                }
            } else {
                perTarget
                        .computeIfAbsent(spec.target(), t -> new HashMap<>())
                        .put(spec.metric(), series);
                if (fine) {
                    fineTargets
                            .computeIfAbsent(spec.target(), t -> new HashMap<>())
                            .put(spec.metric(), entry.getValue());
                }
            }
        }
        Map<String, TargetMetrics> targets = new HashMap<>();
        for (String id : targetIds) {
            Map<String, TreeMap<Instant, Double>> minutes = perTarget.getOrDefault(id, Map.of());
            // With sub-minute data the newest delivery is known to its period, not just its minute.
            Map<String, TreeMap<Instant, Double>> finest =
                    subMinute ? fineTargets.getOrDefault(id, Map.of()) : minutes;
            targets.put(id, target(minutes, finest.get(MetricNames.DELIVERED)));
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
        RecentSamples recent = RecentSamples.ofMinutes(targets, recordsInByMinute);
        if (subMinute) {
            Map<String, List<MinuteSample>> fine = new HashMap<>();
            for (String id : targetIds) {
                fine.put(id, samples(fineTargets.getOrDefault(id, Map.of())));
            }
            TreeMap<Instant, Long> records = new TreeMap<>();
            fineRecordsIn.forEach((start, value) -> records.put(start, count(value)));
            recent = new RecentSamples(finePeriod, fine, records);
        }
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
                health,
                recent);
    }

    /** Sub-minute values added up (Sum) or maxed (Maximum) into their minutes. */
    static TreeMap<Instant, Double> perMinute(TreeMap<Instant, Double> series, String statistic) {
        boolean maximum = "Maximum".equals(statistic);
        TreeMap<Instant, Double> minutes = new TreeMap<>();
        series.forEach(
                (start, value) ->
                        minutes.merge(
                                start.truncatedTo(ChronoUnit.MINUTES),
                                value,
                                maximum ? Math::max : Double::sum));
        return minutes;
    }

    /**
     * @param deliveries the finest Delivered series read, for when the last delivery was
     */
    private static TargetMetrics target(
            Map<String, TreeMap<Instant, Double>> metrics, TreeMap<Instant, Double> deliveries) {
        TreeMap<Instant, Double> delivered = metrics.get(MetricNames.DELIVERED);
        Instant lastDelivery = null;
        if (deliveries != null) {
            for (Map.Entry<Instant, Double> point : deliveries.descendingMap().entrySet()) {
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
                samples(metrics));
    }

    private static List<MinuteSample> samples(Map<String, TreeMap<Instant, Double>> metrics) {
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
