package fanout;

import fanout.check.Required;
import fanout.environment.Environment;
import fanout.forward.PutRecordsPath;
import fanout.mapping.TargetsTable;
import fanout.metrics.MetricNames;
import fanout.state.StateTable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The forwarder's configuration, read once from the environment at cold start. Every problem names
 * the variable, so a misconfigured function says so in its first log line.
 *
 * @param destinationSlice the most of one invocation a destination may take; one that cannot take
 *     its records within it stays behind and catches up from the source later
 * @param defaultBudget the time budget when there is no Lambda context (tests, sandbox)
 * @param metricsInterval zero: metrics published by every invocation (the default); otherwise a
 *     container publishes at most once per interval, adding up the invocations in between
 * @param putRecordsPath how destinations' PutRecords calls are made (direct unless set to sdk)
 * @param snapshotInit Lambda runs this initialisation to take a SnapStart snapshot: priming
 *     finishes before it ends, so every environment restored from the snapshot starts primed
 */
public record ForwarderConfig(
        String functionName,
        String region,
        String targetsTable,
        String stateTable,
        String metricNamespace,
        Duration mappingCacheTtl,
        String transform,
        int maxConcurrency,
        Duration destinationSlice,
        Duration defaultBudget,
        Duration metricsInterval,
        PutRecordsPath putRecordsPath,
        boolean snapshotInit) {
    public static final String FUNCTION_NAME = Environment.FUNCTION_NAME;
    public static final String REGION = Environment.REGION;
    public static final String TARGETS_TABLE = Environment.TARGETS_TABLE;
    public static final String STATE_TABLE = Environment.STATE_TABLE;
    public static final String METRIC_NAMESPACE = "FANOUT_METRIC_NAMESPACE";
    public static final String MAPPING_CACHE_TTL = "FANOUT_MAPPING_CACHE_TTL_SECONDS";
    public static final String TRANSFORM = "FANOUT_TRANSFORM";
    public static final String MAX_CONCURRENCY = "FANOUT_MAX_CONCURRENCY";
    public static final String DESTINATION_SLICE = "FANOUT_DESTINATION_SLICE_SECONDS";

    /**
     * Not set by deploy: publish metrics at most this often per container (seconds, 0 = every
     * invocation). Saves CPU and PutMetricData calls on a busy shard; a container that ends loses
     * at most this much of its metrics.
     */
    public static final String METRICS_INTERVAL = "FANOUT_METRICS_INTERVAL_SECONDS";

    public static final int MAX_METRICS_INTERVAL_SECONDS = 60;

    /**
     * Not set by deploy: {@code sdk} sends destinations' PutRecords through the SDK's Kinesis
     * client instead of the direct path (marshalled once per batch); a switch back without new
     * code.
     */
    public static final String PUT_RECORDS = "FANOUT_PUT_RECORDS";

    /**
     * Set by Lambda, not by us: {@value #SNAP_START} while it initialises a published version to
     * take its SnapStart snapshot ({@code on-demand} and {@code provisioned-concurrency}
     * otherwise).
     */
    public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    public static final String SNAP_START = "snap-start";

    /** Not set by deploy: the budget of invocations without a Lambda context. */
    public static final String DEFAULT_BUDGET = "FANOUT_DEFAULT_BUDGET_SECONDS";

    public static final String DEFAULT_FUNCTION = "fanout";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_TTL_SECONDS = 30;
    public static final int MAX_TTL_SECONDS = 60;
    public static final int DEFAULT_CONCURRENCY = 32;
    public static final int MAX_CONCURRENCY_LIMIT = 1024;
    public static final String DEFAULT_SLICE_SECONDS = "1";
    public static final int MAX_SLICE_SECONDS = 60;
    public static final int DEFAULT_BUDGET_SECONDS = 60;
    static final long MIN_SLICE_MILLIS = 100;
    public static final Set<String> TRANSFORMS = Set.of("none", "hello-retail");

    public ForwarderConfig {
        Required.all(
                "functionName, region, targetsTable, stateTable, metricNamespace, transform",
                functionName,
                region,
                targetsTable,
                stateTable,
                metricNamespace,
                transform);
        if (mappingCacheTtl.isNegative() || mappingCacheTtl.getSeconds() > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException(
                    MAPPING_CACHE_TTL + " must be 0 to " + MAX_TTL_SECONDS + " seconds");
        }
        if (!TRANSFORMS.contains(transform)) {
            throw new IllegalArgumentException(
                    TRANSFORM + " must be one of " + TRANSFORMS + ", was '" + transform + "'");
        }
        Objects.requireNonNull(metricsInterval, "metricsInterval is required");
        Objects.requireNonNull(putRecordsPath, "putRecordsPath is required");
        if (maxConcurrency < 1 || defaultBudget.isNegative() || metricsInterval.isNegative()) {
            throw new IllegalArgumentException("concurrency and budget must be positive");
        }
        Objects.requireNonNull(destinationSlice, "destinationSlice is required");
        if (destinationSlice.toMillis() < MIN_SLICE_MILLIS
                || destinationSlice.compareTo(Duration.ofSeconds(MAX_SLICE_SECONDS)) > 0) {
            throw new IllegalArgumentException(
                    DESTINATION_SLICE
                            + " must be between 0.1 and "
                            + MAX_SLICE_SECONDS
                            + " seconds, was "
                            + destinationSlice.toMillis() / 1000.0);
        }
    }

    public static ForwarderConfig fromEnvironment(Map<String, String> env) {
        Environment environment = new Environment(env);
        String function = environment.text(FUNCTION_NAME, DEFAULT_FUNCTION);
        return new ForwarderConfig(
                function,
                environment.text(REGION, DEFAULT_REGION),
                environment.text(TARGETS_TABLE, TargetsTable.defaultName(function)),
                environment.text(STATE_TABLE, StateTable.defaultName(function)),
                environment.text(METRIC_NAMESPACE, MetricNames.DEFAULT_NAMESPACE),
                Duration.ofSeconds(
                        environment.number(
                                MAPPING_CACHE_TTL, DEFAULT_TTL_SECONDS, 0, MAX_TTL_SECONDS)),
                environment.text(TRANSFORM, "none"),
                environment.number(MAX_CONCURRENCY, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY_LIMIT),
                slice(environment),
                Duration.ofSeconds(
                        environment.number(DEFAULT_BUDGET, DEFAULT_BUDGET_SECONDS, 1, 900)),
                Duration.ofSeconds(
                        environment.number(METRICS_INTERVAL, 0, 0, MAX_METRICS_INTERVAL_SECONDS)),
                PutRecordsPath.parse(env.get(PUT_RECORDS), PUT_RECORDS),
                SNAP_START.equals(env.get(INITIALIZATION_TYPE)));
    }

    /** Seconds, a decimal allowed (e.g. 0.5): the slice is short by design. */
    private static Duration slice(Environment environment) {
        String value = environment.text(DESTINATION_SLICE, DEFAULT_SLICE_SECONDS);
        java.math.BigDecimal seconds;
        try {
            seconds = new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    DESTINATION_SLICE + " must be a number of seconds, was '" + value + "'");
        }
        if (seconds.compareTo(java.math.BigDecimal.valueOf(0.1)) < 0
                || seconds.compareTo(java.math.BigDecimal.valueOf(MAX_SLICE_SECONDS)) > 0) {
            throw new IllegalArgumentException(
                    DESTINATION_SLICE
                            + " must be between 0.1 and "
                            + MAX_SLICE_SECONDS
                            + ", was "
                            + value);
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }
}
