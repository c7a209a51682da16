package fanout.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Accumulates one invocation's metrics; thread-safe, since destinations are served concurrently.
 * One instance per invocation; {@link #snapshot()} freezes it for the publisher.
 *
 * <p>Zeros: a target that the invocation touched at all (any {@link #count}, {@link #lag} or {@link
 * #attempted} call, even with 0) is published with {@code Delivered}, 0 if nothing arrived, so the
 * dashboard can tell an idle destination from one whose metrics are missing. Its other counts
 * ({@code Failed}, {@code Throttled}, {@code Rejected}, {@code Resent}) are published only when
 * non-zero: CloudWatch's missing data already reads as none, and zeros would cost datums. A source
 * touched by {@link #invocation} or {@link #recordsIn} publishes both of its counts.
 */
public final class InvocationMetrics {
    /** The per-target counts, in the order they are published. */
    public static final List<String> TARGET_COUNTS =
            List.of(
                    MetricNames.DELIVERED,
                    MetricNames.FAILED,
                    MetricNames.THROTTLED,
                    MetricNames.REJECTED,
                    MetricNames.RESENT);

    /** Per-source counts published only when non-zero: something went wrong but was absorbed. */
    public static final List<String> SOURCE_WARNINGS =
            List.of(MetricNames.MAPPING_READ_ERRORS, MetricNames.STATE_ERRORS);

    private final ConcurrentMap<String, SourceAccumulator> sources = new ConcurrentHashMap<>();
    private final ConcurrentMap<TargetKey, TargetAccumulator> targets = new ConcurrentHashMap<>();

    public void invocation(String sourceStream) {
        source(sourceStream).add(1, 0);
    }

    public void recordsIn(String sourceStream, long n) {
        requireNonNegative(n);
        source(sourceStream).add(0, n);
    }

    /**
     * @param metricName one of {@link #SOURCE_WARNINGS}
     */
    public void warning(String sourceStream, String metricName, long n) {
        if (!SOURCE_WARNINGS.contains(metricName)) {
            throw new IllegalArgumentException(
                    "'"
                            + metricName
                            + "' is not a source warning (known: "
                            + SOURCE_WARNINGS
                            + ")");
        }
        requireNonNegative(n);
        source(sourceStream).warn(metricName, n);
    }

    /** State table failures (published as {@link MetricNames#STATE_ERRORS} when non-zero). */
    public void stateErrors(String sourceStream, long n) {
        warning(sourceStream, MetricNames.STATE_ERRORS, n);
    }

    /** Marks a target as served by this invocation, so it publishes Delivered (maybe 0). */
    public void attempted(String sourceStream, String targetId) {
        target(sourceStream, targetId);
    }

    /**
     * @param metricName one of {@link #TARGET_COUNTS}
     */
    public void count(String sourceStream, String targetId, String metricName, long n) {
        int index = TARGET_COUNTS.indexOf(metricName);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "'"
                            + metricName
                            + "' is not a per-target count (known: "
                            + TARGET_COUNTS
                            + ")");
        }
        requireNonNegative(n);
        target(sourceStream, targetId).add(index, n);
    }

    /**
     * One DeliveryLag sample. Negative values (the source's arrival clock ahead of ours) count as
     * 0.
     */
    public void lag(String sourceStream, String targetId, double millis) {
        if (!Double.isFinite(millis)) {
            throw new IllegalArgumentException("lag must be a finite number, was " + millis);
        }
        target(sourceStream, targetId).lag(Math.max(0, millis));
    }

    /** A destination's DeliveryLag samples of one invocation, added at once. */
    public void lags(String sourceStream, String targetId, List<Double> millis) {
        if (millis.isEmpty()) {
            return;
        }
        for (double lag : millis) {
            if (!Double.isFinite(lag)) {
                throw new IllegalArgumentException("lag must be a finite number, was " + lag);
            }
        }
        target(sourceStream, targetId).lags(millis);
    }

    /** Adds another invocation's totals (a container publishing less often than it runs). */
    public void addAll(MetricsSnapshot other) {
        for (SourceTotals source : other.sources()) {
            SourceAccumulator accumulator = source(source.sourceStream());
            accumulator.add(source.invocations(), source.recordsIn());
            source.warnings().forEach(accumulator::warn);
        }
        for (TargetTotals target : other.targets()) {
            TargetAccumulator accumulator = target(target.sourceStream(), target.targetId());
            target.counts().forEach((name, n) -> accumulator.add(TARGET_COUNTS.indexOf(name), n));
            target.lagStatistics().ifPresent(accumulator::lags);
        }
    }

    public MetricsSnapshot snapshot() {
        List<SourceTotals> sourceTotals = new ArrayList<>();
        sources.forEach((stream, accumulator) -> sourceTotals.add(accumulator.totals(stream)));
        sourceTotals.sort(Comparator.comparing(SourceTotals::sourceStream));
        List<TargetTotals> targetTotals = new ArrayList<>();
        targets.forEach((key, accumulator) -> targetTotals.add(accumulator.totals(key)));
        targetTotals.sort(
                Comparator.comparing(TargetTotals::sourceStream)
                        .thenComparing(TargetTotals::targetId));
        return new MetricsSnapshot(sourceTotals, targetTotals);
    }

    private SourceAccumulator source(String sourceStream) {
        return sources.computeIfAbsent(
                requireName(sourceStream, "sourceStream"), stream -> new SourceAccumulator());
    }

    private TargetAccumulator target(String sourceStream, String targetId) {
        TargetKey key =
                new TargetKey(
                        requireName(sourceStream, "sourceStream"),
                        requireName(targetId, "targetId"));
        return targets.computeIfAbsent(key, k -> new TargetAccumulator());
    }

    /** CloudWatch rejects empty dimension values, so catch them where the caller is visible. */
    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    private static void requireNonNegative(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count must be >= 0, was " + n);
        }
    }

    private record TargetKey(String sourceStream, String targetId) {}

    private static final class SourceAccumulator {
        private long invocations;
        private long recordsIn;

        synchronized void add(long moreInvocations, long moreRecords) {
            invocations += moreInvocations;
            recordsIn += moreRecords;
        }

        private final Map<String, Long> warnings = new LinkedHashMap<>();

        synchronized void warn(String metricName, long n) {
            warnings.merge(metricName, n, Long::sum);
        }

        synchronized SourceTotals totals(String sourceStream) {
            Map<String, Long> nonZero = new LinkedHashMap<>(warnings);
            nonZero.values().removeIf(v -> v == 0);
            return new SourceTotals(sourceStream, invocations, recordsIn, nonZero);
        }
    }

    private static final class TargetAccumulator {
        private final long[] counts = new long[TARGET_COUNTS.size()];
        private LagStatistics lag;

        synchronized void add(int index, long n) {
            counts[index] += n;
        }

        synchronized void lag(double millis) {
            lag = lag == null ? LagStatistics.of(millis) : lag.plus(millis);
        }

        synchronized void lags(LagStatistics added) {
            lag = lag == null ? added : lag.plus(added);
        }

        synchronized void lags(List<Double> millis) {
            long count = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double value : millis) {
                double sample = Math.max(0, value);
                count++;
                sum += sample;
                min = Math.min(min, sample);
                max = Math.max(max, sample);
            }
            LagStatistics added = new LagStatistics(count, sum, min, max);
            lag = lag == null ? added : lag.plus(added);
        }

        synchronized TargetTotals totals(TargetKey key) {
            Map<String, Long> published = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (i == 0 || counts[i] != 0) { // Delivered (index 0) always, see the class doc
                    published.put(TARGET_COUNTS.get(i), counts[i]);
                }
            }
            return new TargetTotals(key.sourceStream(), key.targetId(), published, lag);
        }
    }
}
