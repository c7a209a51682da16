package fanout.console.deploy;

import fanout.console.aws.CodeSha256;
import fanout.console.aws.NotFound;
import fanout.console.deploy.StepOutcome.Kind;
import fanout.console.problem.AwsAccessException;
import fanout.console.problem.FanoutProblem;
import fanout.time.Sleeper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.SnapStart;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.VpcConfig;

/**
 * The function: created when missing (retried while the new role propagates), otherwise its code
 * and configuration updated where they differ; always awaited until Active and its last update
 * Successful, so a re-run after an interruption finishes the job.
 */
final class FunctionDeployer {
    private final LambdaClient lambda;
    private final Sleeper sleeper;
    private final Supplier<byte[]> code;

    FunctionDeployer(LambdaClient lambda, Sleeper sleeper, Supplier<byte[]> code) {
        this.lambda = lambda;
        this.sleeper = sleeper;
        this.code = code;
    }

    StepOutcome function(DeployPlan plan, boolean dryRun, Consumer<String> progress) {
        Optional<FunctionConfiguration> existing = find(plan.function());
        if (existing.isEmpty()) {
            if (dryRun) {
                return new StepOutcome(
                        Kind.PLANNED,
                        "create function " + plan.function() + " (" + plan.runtime() + ")");
            }
            byte[] zip = code.get();
            Polling.IAM_PROPAGATION.await(
                    "the role to propagate to Lambda",
                    () -> tryCreate(plan, zip),
                    sleeper,
                    progress);
            awaitReady(plan.function(), progress);
            return new StepOutcome(Kind.CREATED, "function " + plan.function());
        }
        if (!dryRun) {
            // An Inactive function (idle for weeks) is settled: the update below, or its next
            // invocation, re-creates it; waiting for Active here would wait forever.
            awaitSettled(plan.function(), progress);
        }
        List<String> changes = new ArrayList<>();
        Optional<byte[]> zip = codeIfChanged(existing.get(), dryRun, changes);
        Map<String, String> environment = mergedEnvironment(existing.get(), plan);
        boolean configuration = configurationDiffers(existing.get(), plan, environment, changes);
        if (changes.isEmpty()) {
            return new StepOutcome(Kind.UP_TO_DATE, "function " + plan.function());
        }
        String what = "function " + plan.function() + ": " + String.join(", ", changes);
        if (dryRun) {
            return new StepOutcome(Kind.PLANNED, "update " + what);
        }
        if (zip.isPresent()) {
            lambda.updateFunctionCode(
                    r ->
                            r.functionName(plan.function())
                                    .zipFile(SdkBytes.fromByteArray(zip.get())));
            awaitReady(plan.function(), progress);
        }
        if (configuration) {
            Polling.IAM_PROPAGATION.await(
                    "the role to propagate to Lambda",
                    () -> tryUpdateConfiguration(plan, environment),
                    sleeper,
                    progress);
            awaitReady(plan.function(), progress);
        }
        return new StepOutcome(Kind.UPDATED, what);
    }

    private Optional<Boolean> tryCreate(DeployPlan plan, byte[] zip) {
        try {
            lambda.createFunction(
                    r ->
                            r.functionName(plan.function())
                                    .runtime(plan.runtime())
                                    .handler(plan.handler())
                                    .role(plan.roleArn())
                                    .memorySize(plan.memoryMb())
                                    .timeout(plan.timeoutSeconds())
                                    .environment(
                                            Environment.builder()
                                                    .variables(plan.environment())
                                                    .build())
                                    .vpcConfig(vpc(plan))
                                    .applyMutation(
                                            b -> {
                                                if (plan.snapStart().orElse(false)) {
                                                    b.snapStart(snapStart(true));
                                                }
                                            })
                                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)))
                                    .description("Fans one Kinesis stream out to a class"));
            return Optional.of(true);
        } catch (InvalidParameterValueException e) {
            return retryWhileRoleIsNew(e);
        } catch (ResourceConflictException e) {
            // It exists already (a retry after a lost response): awaiting it is all that is left.
            return Optional.of(true);
        }
    }

    private Optional<Boolean> tryUpdateConfiguration(
            DeployPlan plan, Map<String, String> environment) {
        try {
            lambda.updateFunctionConfiguration(
                    r ->
                            r.functionName(plan.function())
                                    .runtime(plan.runtime())
                                    .handler(plan.handler())
                                    .role(plan.roleArn())
                                    .memorySize(plan.memoryMb())
                                    .timeout(plan.timeoutSeconds())
                                    .environment(
                                            Environment.builder().variables(environment).build())
                                    .applyMutation(
                                            b -> {
                                                if (!plan.subnets().isEmpty()) {
                                                    b.vpcConfig(vpc(plan));
                                                }
                                                plan.snapStart()
                                                        .ifPresent(
                                                                on -> b.snapStart(snapStart(on)));
                                            }));
            return Optional.of(true);
        } catch (InvalidParameterValueException e) {
            return retryWhileRoleIsNew(e);
        }
    }

    private static Optional<Boolean> retryWhileRoleIsNew(InvalidParameterValueException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("cannot be assumed")) {
            return Optional.empty();
        }
        throw e;
    }

    private void awaitReady(String function, Consumer<String> progress) {
        Polling.FUNCTION_READY.await(
                "function " + function + " to become Active",
                () -> ready(lambda.getFunction(r -> r.functionName(function)).configuration()),
                sleeper,
                progress);
    }

    private void awaitSettled(String function, Consumer<String> progress) {
        Polling.FUNCTION_READY.await(
                "function " + function + " to finish its last change",
                () -> {
                    FunctionConfiguration configuration =
                            lambda.getFunction(r -> r.functionName(function)).configuration();
                    if (configuration.state() == State.INACTIVE
                            && configuration.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS) {
                        return Optional.of(true);
                    }
                    return ready(configuration);
                },
                sleeper,
                progress);
    }

    private static Optional<Boolean> ready(FunctionConfiguration configuration) {
        if (configuration.state() == State.FAILED
                || configuration.lastUpdateStatus() == LastUpdateStatus.FAILED) {
            throw new AwsAccessException(
                    "function "
                            + configuration.functionName()
                            + " failed: "
                            + Optional.ofNullable(configuration.lastUpdateStatusReason())
                                    .orElse(String.valueOf(configuration.stateReason())));
        }
        boolean active = configuration.state() == State.ACTIVE;
        boolean updated =
                configuration.lastUpdateStatus() == null
                        || configuration.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL;
        return active && updated ? Optional.of(true) : Optional.empty();
    }

    private Optional<byte[]> codeIfChanged(
            FunctionConfiguration existing, boolean dryRun, List<String> changes) {
        byte[] zip;
        try {
            zip = code.get();
        } catch (FanoutProblem e) {
            if (!dryRun) {
                throw e;
            }
            changes.add("code (if it differs: the Lambda jar is not bundled here)");
            return Optional.empty();
        }
        if (CodeSha256.of(zip).equals(existing.codeSha256())) {
            return Optional.empty();
        }
        changes.add("code");
        return Optional.of(zip);
    }

    private static boolean configurationDiffers(
            FunctionConfiguration existing,
            DeployPlan plan,
            Map<String, String> environment,
            List<String> changes) {
        int before = changes.size();
        differs(changes, "runtime", existing.runtimeAsString(), plan.runtime());
        differs(changes, "handler", existing.handler(), plan.handler());
        differs(changes, "role", existing.role(), plan.roleArn());
        differs(changes, "memory", existing.memorySize(), plan.memoryMb());
        differs(changes, "timeout", existing.timeout(), plan.timeoutSeconds());
        differs(changes, "environment", current(existing), environment);
        plan.snapStart().ifPresent(on -> differs(changes, "SnapStart", snapStartOn(existing), on));
        if (!plan.subnets().isEmpty()) {
            List<String> subnets =
                    existing.vpcConfig() == null ? List.of() : existing.vpcConfig().subnetIds();
            List<String> groups =
                    existing.vpcConfig() == null
                            ? List.of()
                            : existing.vpcConfig().securityGroupIds();
            differs(changes, "subnets", sorted(subnets), sorted(plan.subnets()));
            differs(changes, "security groups", sorted(groups), sorted(plan.securityGroups()));
        }
        return changes.size() > before;
    }

    private static Set<String> sorted(List<String> values) {
        return new TreeSet<>(values);
    }

    private static void differs(List<String> changes, String what, Object actual, Object wanted) {
        if (!wanted.equals(actual)) {
            changes.add(what);
        }
    }

    /** Ours override; variables a leader added by hand are kept. */
    private static Map<String, String> mergedEnvironment(
            FunctionConfiguration existing, DeployPlan plan) {
        Map<String, String> merged = new HashMap<>(current(existing));
        merged.putAll(plan.environment());
        return merged;
    }

    private static Map<String, String> current(FunctionConfiguration existing) {
        return existing.environment() == null || existing.environment().variables() == null
                ? Map.of()
                : existing.environment().variables();
    }

    private static SnapStart snapStart(boolean on) {
        return SnapStart.builder()
                .applyOn(on ? SnapStartApplyOn.PUBLISHED_VERSIONS : SnapStartApplyOn.NONE)
                .build();
    }

    /** Whether the function's published versions get a SnapStart snapshot. */
    static boolean snapStartOn(FunctionConfiguration configuration) {
        return configuration.snapStart() != null
                && configuration.snapStart().applyOn() == SnapStartApplyOn.PUBLISHED_VERSIONS;
    }

    private static VpcConfig vpc(DeployPlan plan) {
        return plan.subnets().isEmpty()
                ? null
                : VpcConfig.builder()
                        .subnetIds(plan.subnets())
                        .securityGroupIds(plan.securityGroups())
                        .build();
    }

    private Optional<FunctionConfiguration> find(String function) {
        return NotFound.asEmpty(
                () -> lambda.getFunction(r -> r.functionName(function)).configuration());
    }
}
