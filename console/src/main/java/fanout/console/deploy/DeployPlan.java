package fanout.console.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything {@code deploy} will create or update, resolved for one account and region; what {@code
 * --dry-run} prints.
 *
 * @param createRole false when {@code --exec-role-arn} names an existing role
 * @param snapStart SnapStart on or off as asked; empty keeps the function's setting
 */
public record DeployPlan(
        String account,
        String region,
        String function,
        boolean createRole,
        String roleName,
        String roleArn,
        String policyName,
        ObjectNode trustPolicy,
        ObjectNode executionPolicy,
        String targetsTable,
        String stateTable,
        String runtime,
        String handler,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        List<String> subnets,
        List<String> securityGroups,
        Optional<Boolean> snapStart) {

    public static final String HANDLER = "fanout.FanoutHandler::handleRequest";
    public static final String ENV_TARGETS_TABLE = fanout.ForwarderConfig.TARGETS_TABLE;
    public static final String ENV_STATE_TABLE = fanout.ForwarderConfig.STATE_TABLE;
    public static final String ENV_METRIC_NAMESPACE = fanout.ForwarderConfig.METRIC_NAMESPACE;
    public static final String ENV_CACHE_TTL = fanout.ForwarderConfig.MAPPING_CACHE_TTL;
    public static final String ENV_TRANSFORM = fanout.ForwarderConfig.TRANSFORM;
    public static final String ENV_MAX_CONCURRENCY = fanout.ForwarderConfig.MAX_CONCURRENCY;
    public static final String ENV_DESTINATION_SLICE = fanout.ForwarderConfig.DESTINATION_SLICE;
    public static final String ENV_METRICS_INTERVAL = fanout.ForwarderConfig.METRICS_INTERVAL;
    public static final String DEFAULT_CACHE_TTL = "30";
    public static final String DEFAULT_MAX_CONCURRENCY = "32";
    public static final String DEFAULT_DESTINATION_SLICE =
            fanout.ForwarderConfig.DEFAULT_SLICE_SECONDS;

    /**
     * Each container publishes its metrics at most every 5 s: the dashboard reads them per 10 s, so
     * they are never more than 5 s late, at a fifth of the PutMetricData calls (and CPU) of
     * publishing after every invocation on a shard read once a second.
     */
    public static final String DEFAULT_METRICS_INTERVAL = "5";

    /** The JVM options Lambda's Java runtimes read (the function's own settings come first). */
    public static final String ENV_JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * Lambda's java17/java21 runtimes stop the JIT at C1 (level 1) unless told otherwise, which
     * favours cold starts. The forwarder is the opposite case: a container lives for the whole
     * class and spends its CPU in the same per-destination loop, which costs about 1.5 times the
     * CPU per batch under C1 (fanout-lambda/BENCHMARK.md, "C2 on Lambda"), so C2 is allowed back.
     */
    public static final String DEFAULT_JAVA_TOOL_OPTIONS =
            "-XX:+TieredCompilation -XX:TieredStopAtLevel=4";

    /** Tag on the roles deploy creates, so destroy removes only what deploy made. */
    public static final String ROLE_TAG = "fanout:function";

    public DeployPlan {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roleArn, "roleArn");
        environment = Map.copyOf(environment);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        Objects.requireNonNull(snapStart, "snapStart");
    }

    /** The environment sorted by name, for printing. */
    public Map<String, String> sortedEnvironment() {
        return new TreeMap<>(environment);
    }

    public String namespace() {
        return environment.get(ENV_METRIC_NAMESPACE);
    }

    /** The execution role's name for a function: the name students' roles trust. */
    public static String roleName(String function) {
        return function + "Role";
    }

    public static String policyName(String function) {
        return function + "Policy";
    }
}
