package fanout.console.aws.memory;

import fanout.mapping.Arn;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The functions of {@link InMemoryLambda} and the rules of their life cycle: IAM propagation on a
 * new role, Pending after a create, InProgress after an update. Guarded by the fake's lock.
 */
final class StoredFunctions {
    static final String CANNOT_ASSUME =
            "The role defined for the function cannot be assumed by Lambda.";

    private final InMemoryIam iam;
    private final Clock clock;
    private final String region;
    private final int roleAssumeFailures;
    private final int settlePolls;
    private final Map<String, StoredFunction> functions = new LinkedHashMap<>();
    private final Map<String, Integer> roleFailuresLeft = new HashMap<>();

    StoredFunctions(
            InMemoryIam iam, Clock clock, String region, int roleAssumeFailures, int settlePolls) {
        this.iam = iam;
        this.clock = clock;
        this.region = region;
        this.roleAssumeFailures = roleAssumeFailures;
        this.settlePolls = settlePolls;
    }

    List<String> names() {
        return List.copyOf(functions.keySet());
    }

    /** A new function, Pending for the next few polls; throws when it exists or its role fails. */
    StoredFunction create(CreateFunctionRequest request) {
        if (functions.containsKey(request.functionName())) {
            throw LambdaFaults.conflict("Function already exist: " + request.functionName());
        }
        LambdaLimits.requireValid(request.runtimeAsString(), request.handler());
        LambdaLimits.requireSnapStartSupported(
                request.runtimeAsString(),
                request.snapStart() == null ? null : request.snapStart().applyOnAsString());
        LambdaLimits.requireZipSize(request.code().zipFile());
        requireAssumable(request.role());
        StoredFunction function =
                new StoredFunction(request.functionName(), arnOf(request.functionName()));
        function.configure(request);
        function.setCode(request.code().zipFile());
        function.pendingPolls = settlePolls;
        function.modified(clock);
        functions.put(function.name, function);
        return function;
    }

    /** Marks an update of {@code function}: InProgress for the next few polls. */
    void updated(StoredFunction function) {
        function.updateFailedReason = null;
        function.updatePolls = settlePolls;
        function.modified(clock);
    }

    void remove(StoredFunction function) {
        functions.remove(function.name);
    }

    /** The function's configuration as a read shows it, moving its settling along by one poll. */
    FunctionConfiguration poll(String nameOrArn) {
        StoredFunction function = find(nameOrArn);
        FunctionConfiguration shown =
                function.describe(function.state(), function.lastUpdateStatus());
        settle(function);
        return shown;
    }

    /** Time passes for the function: a create, reactivation or update settles by one step. */
    void settle(StoredFunction function) {
        function.pendingPolls = Math.max(0, function.pendingPolls - 1);
        function.updatePolls = Math.max(0, function.updatePolls - 1);
    }

    /**
     * Like Lambda, invoking an Inactive function fails and starts re-creating its resources
     * (Pending, then Active); invoking a Pending or Failed one fails too.
     */
    void requireInvocable(StoredFunction function) {
        String state = function.state();
        if (state.equals("Active")) {
            return;
        }
        if (function.inactive) {
            function.inactive = false;
            function.pendingPolls = Math.max(1, settlePolls);
        } else if (state.equals("Pending")) {
            settle(function);
        }
        throw LambdaFaults.conflict(
                "The operation cannot be performed at this time. The function is currently in the"
                        + " following state: "
                        + state);
    }

    /**
     * The function, when no create or update is settling; else Lambda's conflict. Updating an
     * Inactive function is allowed and re-creates its resources.
     */
    StoredFunction updatable(String nameOrArn) {
        StoredFunction function = find(nameOrArn);
        requireNotFailed(function);
        if (function.inactive) {
            function.inactive = false;
            function.pendingPolls = settlePolls;
            return function;
        }
        requireSettled(function);
        return function;
    }

    /** The function, when no create or update is settling and it did not fail, to publish. */
    StoredFunction publishable(String nameOrArn) {
        StoredFunction function = find(nameOrArn);
        requireNotFailed(function);
        requireSettled(function);
        return function;
    }

    int settlePolls() {
        return settlePolls;
    }

    private static void requireNotFailed(StoredFunction function) {
        if (function.failedReason != null) {
            throw LambdaFaults.conflict(
                    "The operation cannot be performed at this time. The function is currently in"
                            + " the following state: Failed");
        }
    }

    private static void requireSettled(StoredFunction function) {
        if (function.updatePolls > 0 || function.pendingPolls > 0) {
            throw LambdaFaults.conflict(
                    "The operation cannot be performed at this time. An update is in progress for"
                            + " resource: "
                            + function.arn);
        }
    }

    /** Refuses a role Lambda cannot assume, and a new one for its first few uses (propagation). */
    void requireAssumable(String roleArn) {
        RoleView role =
                iam.role(roleArn == null ? "" : roleArn)
                        .filter(r -> r.trustPolicy().contains("lambda.amazonaws.com"))
                        .orElseThrow(() -> LambdaFaults.invalidParameter(CANNOT_ASSUME));
        String key = role.roleId();
        int left = roleFailuresLeft.computeIfAbsent(key, k -> roleAssumeFailures);
        if (left > 0) {
            roleFailuresLeft.put(key, left - 1);
            throw LambdaFaults.invalidParameter(CANNOT_ASSUME);
        }
    }

    /** The function named by a name or (qualified) ARN; else Lambda's not-found. */
    StoredFunction find(String nameOrArn) {
        StoredFunction function = functions.get(Arn.functionName(nameOrArn));
        if (function == null) {
            throw LambdaFaults.notFound(
                    "Function not found: " + arnOf(Arn.functionName(nameOrArn)));
        }
        return function;
    }

    /** The unqualified ARN of function {@code name} in this account and region. */
    String arnOf(String name) {
        return "arn:aws:lambda:" + region + ":" + iam.account() + ":function:" + name;
    }
}
