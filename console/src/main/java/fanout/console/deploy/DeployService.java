package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.AwsErrors;
import fanout.console.deploy.DeployReport.StepResult;
import fanout.console.problem.AwsAccessException;
import fanout.console.problem.BadInputException;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import fanout.mapping.TargetsTable;
import fanout.metrics.MetricNames;
import fanout.state.StateTable;
import fanout.time.Sleeper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Deploys a fan-out installation idempotently: execution role and policy, both tables, the
 * function, and under SnapStart its published version behind alias live. Each step checks what
 * exists and changes only what differs, so a second run reports everything up to date and a run
 * after an interruption finishes the job. A dry run reads but changes nothing.
 */
public final class DeployService {
    private final AwsClients aws;
    private final Workshop workshop;
    private final RoleDeployer roles;
    private final TableDeployer tables;
    private final FunctionDeployer functions;
    private final LiveAliasDeployer aliases;

    public DeployService(
            AwsClients aws, Workshop workshop, Sleeper sleeper, Supplier<byte[]> code) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.workshop = Objects.requireNonNull(workshop, "workshop");
        this.roles = new RoleDeployer(aws.iam());
        this.tables = new TableDeployer(aws.dynamo(), sleeper);
        this.functions = new FunctionDeployer(aws.lambda(), sleeper, code);
        this.aliases = new LiveAliasDeployer(aws.lambda(), sleeper);
    }

    /** Resolves the request for the caller's account and the session's region. */
    public DeployPlan plan(DeployRequest request) {
        String account = account();
        String region = aws.region();
        String function = request.function();
        boolean createRole = request.execRoleArn().isEmpty();
        String roleArn =
                request.execRoleArn()
                        .map(DeployService::validRoleArn)
                        .orElse(Arn.iamRoleArn(region, account, DeployPlan.roleName(function)));
        String targets = TargetsTable.defaultName(function);
        String state = StateTable.defaultName(function);
        String namespace = MetricNames.DEFAULT_NAMESPACE;
        Map<String, String> environment = new HashMap<>();
        environment.put(DeployPlan.ENV_TARGETS_TABLE, targets);
        environment.put(DeployPlan.ENV_STATE_TABLE, state);
        environment.put(DeployPlan.ENV_METRIC_NAMESPACE, namespace);
        environment.put(DeployPlan.ENV_CACHE_TTL, DeployPlan.DEFAULT_CACHE_TTL);
        environment.put(DeployPlan.ENV_TRANSFORM, request.transform().orElse(workshop.transform()));
        environment.put(DeployPlan.ENV_MAX_CONCURRENCY, DeployPlan.DEFAULT_MAX_CONCURRENCY);
        environment.put(DeployPlan.ENV_DESTINATION_SLICE, DeployPlan.DEFAULT_DESTINATION_SLICE);
        environment.put(DeployPlan.ENV_METRICS_INTERVAL, DeployPlan.DEFAULT_METRICS_INTERVAL);
        environment.put(DeployPlan.ENV_JAVA_TOOL_OPTIONS, DeployPlan.DEFAULT_JAVA_TOOL_OPTIONS);
        return new DeployPlan(
                account,
                region,
                function,
                createRole,
                roleArn.substring(roleArn.lastIndexOf('/') + 1),
                roleArn,
                DeployPlan.policyName(function),
                PolicyDocuments.lambdaTrust(),
                PolicyDocuments.execution(
                        new PolicyDocuments.ExecutionScope(
                                account,
                                region,
                                function,
                                targets,
                                state,
                                workshop.assumableRoles(region),
                                namespace,
                                !request.subnets().isEmpty())),
                targets,
                state,
                request.runtime(),
                DeployPlan.HANDLER,
                request.memoryMb(),
                request.timeoutSeconds(),
                environment,
                request.subnets(),
                request.securityGroups(),
                request.snapStart());
    }

    /** Creates or updates whatever differs from the plan. */
    public DeployReport apply(DeployPlan plan, DeployListener listener) {
        return run(plan, false, listener);
    }

    /** What {@link #apply} would do, reading only. */
    public DeployReport preview(DeployPlan plan, DeployListener listener) {
        return run(plan, true, listener);
    }

    private DeployReport run(DeployPlan plan, boolean dryRun, DeployListener listener) {
        List<StepResult> results = new ArrayList<>();
        for (DeployStep step : DeployStep.values()) {
            listener.started(step, step.label());
            StepOutcome outcome;
            try {
                outcome =
                        runStep(
                                step,
                                plan,
                                dryRun,
                                results,
                                message -> listener.progress(step, message));
            } catch (SdkException e) {
                AwsAccessException failure = AwsErrors.wrap("deploying the " + step.label(), e);
                listener.failed(step, failure.getMessage());
                throw failure;
            } catch (RuntimeException e) {
                listener.failed(step, e.getMessage());
                throw e;
            }
            if (outcome.kind() == StepOutcome.Kind.SKIPPED) {
                listener.skipped(step, outcome.detail());
            } else {
                listener.done(step, outcome);
            }
            results.add(new StepResult(step, outcome));
        }
        return new DeployReport(plan, results, dryRun);
    }

    private StepOutcome runStep(
            DeployStep step,
            DeployPlan plan,
            boolean dryRun,
            List<StepResult> done,
            Consumer<String> progress) {
        if (step == DeployStep.ROLE) {
            return roles.role(plan, dryRun);
        } else if (step == DeployStep.ROLE_POLICY) {
            return roles.policy(plan, dryRun);
        } else if (step == DeployStep.TARGETS_TABLE) {
            return tables.table(
                    plan.targetsTable(),
                    TargetsTable.SOURCE_ARN,
                    TargetsTable.ID,
                    dryRun,
                    progress);
        } else if (step == DeployStep.STATE_TABLE) {
            return tables.table(plan.stateTable(), StateTable.PK, StateTable.SK, dryRun, progress);
        } else if (step == DeployStep.LIVE_ALIAS) {
            boolean functionChanges =
                    done.stream()
                            .anyMatch(
                                    r -> r.step() == DeployStep.FUNCTION && r.outcome().changes());
            return aliases.live(plan, dryRun, functionChanges, progress);
        }
        return functions.function(plan, dryRun, progress);
    }

    private String account() {
        try {
            return aws.sts().getCallerIdentity().account();
        } catch (SdkException e) {
            throw AwsErrors.wrap("finding your AWS account (sts:GetCallerIdentity)", e);
        }
    }

    private static String validRoleArn(String arn) {
        try {
            return Arn.iamRole(arn).toString();
        } catch (InvalidArnException e) {
            throw new BadInputException("--exec-role-arn: " + e.getMessage());
        }
    }
}
