package fanout.console.status;

import fanout.ForwarderConfig;
import fanout.check.Required;
import fanout.mapping.TargetsTable;
import fanout.metrics.MetricNames;
import fanout.state.StateTable;
import java.time.Duration;
import java.util.Map;

/**
 * What status needs from the function's configuration: where its metrics and tables are and how
 * long it caches mappings. Defaults are the forwarder's own when a variable is unset.
 *
 * @param found whether the function exists
 * @param roleArn the function's execution role (the fan-out role students trust), null when unknown
 * @param condition its Lambda state and last update (Inactive, Pending, Failed need saying)
 */
public record FunctionFacts(
        String functionName,
        boolean found,
        String namespace,
        Duration cacheTtl,
        String targetsTable,
        String stateTable,
        String roleArn,
        FunctionCondition condition) {

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    /** The forwarder caps the TTL at this many seconds. */
    static final long MAX_CACHE_TTL_SECONDS = 60;

    public FunctionFacts {
        Required.all("functionName, namespace, cacheTtl", functionName, namespace, cacheTtl);
        condition = condition == null ? FunctionCondition.UNKNOWN : condition;
    }

    /** The same facts with the function's Lambda state. */
    FunctionFacts withCondition(FunctionCondition value) {
        return new FunctionFacts(
                functionName, found, namespace, cacheTtl, targetsTable, stateTable, roleArn, value);
    }

    /** From the function's environment variables (read with GetFunctionConfiguration). */
    public static FunctionFacts fromEnvironment(String functionName, Map<String, String> env) {
        return fromEnvironment(functionName, env, null);
    }

    /** From the function's configuration: its environment variables and its role. */
    public static FunctionFacts fromEnvironment(
            String functionName, Map<String, String> env, String roleArn) {
        return new FunctionFacts(
                functionName,
                true,
                nonBlank(env.get(ForwarderConfig.METRIC_NAMESPACE), MetricNames.DEFAULT_NAMESPACE),
                cacheTtl(env.get(ForwarderConfig.MAPPING_CACHE_TTL)),
                nonBlank(
                        env.get(ForwarderConfig.TARGETS_TABLE),
                        TargetsTable.defaultName(functionName)),
                nonBlank(
                        env.get(ForwarderConfig.STATE_TABLE), StateTable.defaultName(functionName)),
                roleArn,
                FunctionCondition.UNKNOWN);
    }

    /** A function that does not exist (yet): the defaults it would be deployed with. */
    public static FunctionFacts missing(String functionName) {
        FunctionFacts defaults = fromEnvironment(functionName, Map.of());
        return new FunctionFacts(
                functionName,
                false,
                defaults.namespace,
                defaults.cacheTtl,
                defaults.targetsTable,
                defaults.stateTable,
                null,
                FunctionCondition.UNKNOWN);
    }

    private static Duration cacheTtl(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_CACHE_TTL;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_CACHE_TTL_SECONDS)));
        } catch (NumberFormatException e) {
            // The forwarder fails fast on a bad value; status just assumes the default.
            return DEFAULT_CACHE_TTL;
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
