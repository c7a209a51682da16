package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.AwsErrors;
import fanout.console.aws.NotFound;
import fanout.console.deploy.StepOutcome.Kind;
import fanout.console.workshop.SelfRegistrationRule;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import fanout.selfreg.SelfRegistrationConfig;
import fanout.state.ReplayMark;
import fanout.time.Sleeper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@code deploy --self-registration}: after the fan-out installation, the self-registration
 * function {@code <function>-selfreg} (same jar, its own handler), its own least-privilege role, a
 * function URL with auth type NONE (Slack cannot sign SigV4; the handler verifies Slack's
 * signature) and the resource-based permissions a public URL needs, plus TTL on the state table for
 * replay marks. Each step is idempotent, like the rest of deploy.
 */
public final class SelfRegistrationDeployer {
    public static final String HANDLER = "fanout.selfreg.SlackHandler::handleRequest";
    public static final int MEMORY_MB = 1024;
    public static final int TIMEOUT_SECONDS = 30;
    static final String URL_STATEMENT = "FunctionURLAllowPublicAccess";
    static final String INVOKE_STATEMENT = "FunctionURLInvokeAllowPublicAccess";

    private final AwsClients aws;
    private final DeployedResources deployed;
    private final RoleDeployer roles;
    private final FunctionDeployer functions;

    public SelfRegistrationDeployer(AwsClients aws, Sleeper sleeper, Supplier<byte[]> code) {
        this.aws = aws;
        this.deployed = new DeployedResources(aws);
        this.roles = new RoleDeployer(aws.iam());
        this.functions = new FunctionDeployer(aws.lambda(), sleeper, code);
    }

    public static String functionName(String function) {
        return function + "-selfreg";
    }

    /**
     * The second function's plan, from the fan-out installation's.
     *
     * @param secret the Slack signing secret; empty keeps the one the function already has
     */
    public DeployPlan plan(DeployPlan forwarder, Workshop workshop, Optional<String> secret) {
        String function = functionName(forwarder.function());
        SelfRegistrationRule rule = workshop.selfRegistration();
        Map<String, String> env = new HashMap<>();
        env.put(
                SelfRegistrationConfig.SOURCE_ARN,
                workshop.sourceStreamArn(forwarder.account(), forwarder.region()));
        env.put(SelfRegistrationConfig.FORWARDER, forwarder.function());
        env.put(SelfRegistrationConfig.TARGETS_TABLE, forwarder.targetsTable());
        env.put(SelfRegistrationConfig.STATE_TABLE, forwarder.stateTable());
        env.put(SelfRegistrationConfig.STREAM_ID_PATTERN, rule.streamIdPattern());
        env.put(SelfRegistrationConfig.ROLE_ID_PATTERN, rule.roleIdPattern());
        env.put(SelfRegistrationConfig.ID_HELP, rule.help());
        env.put(
                SelfRegistrationConfig.ASSUMABLE_ROLE_PATTERN,
                workshop.assumableRoles(forwarder.region()));
        env.put(SelfRegistrationConfig.PARALLEL, Boolean.toString(workshop.parallel()));
        env.put(SelfRegistrationConfig.FANOUT_ROLE_ARN, forwarder.roleArn());
        secret.ifPresent(value -> env.put(SelfRegistrationConfig.SIGNING_SECRET, value));
        return new DeployPlan(
                forwarder.account(),
                forwarder.region(),
                function,
                true,
                DeployPlan.roleName(function),
                Arn.iamRoleArn(
                        forwarder.region(), forwarder.account(), DeployPlan.roleName(function)),
                DeployPlan.policyName(function),
                PolicyDocuments.lambdaTrust(),
                SelfRegistrationPolicy.document(
                        forwarder.account(),
                        forwarder.region(),
                        forwarder.function(),
                        function,
                        forwarder.targetsTable(),
                        forwarder.stateTable()),
                forwarder.targetsTable(),
                forwarder.stateTable(),
                forwarder.runtime(),
                HANDLER,
                MEMORY_MB,
                TIMEOUT_SECONDS,
                env,
                List.of(),
                List.of(),
                Optional.of(false));
    }

    /** Whether the function exists and already has a signing secret (a re-deploy may omit it). */
    public boolean hasSecret(String function) {
        try {
            var configuration =
                    aws.lambda()
                            .getFunction(r -> r.functionName(functionName(function)))
                            .configuration();
            return configuration.environment() != null
                    && configuration.environment().variables() != null
                    && configuration
                            .environment()
                            .variables()
                            .containsKey(SelfRegistrationConfig.SIGNING_SECRET);
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * Runs (or, dry, previews) every step, telling {@code step} each label and outcome.
     *
     * @return the function URL (in a dry run, empty unless it exists)
     */
    public Optional<String> deploy(
            DeployPlan plan, boolean dryRun, BiConsumer<String, StepOutcome> step) {
        try {
            step.accept("selfreg role", roles.role(plan, dryRun));
            step.accept("selfreg policy", roles.policy(plan, dryRun));
            step.accept("selfreg fn", functions.function(plan, dryRun, message -> {}));
            step.accept("function URL", url(plan.function(), dryRun));
            for (String[] permission :
                    List.of(
                            new String[] {URL_STATEMENT, "lambda:InvokeFunctionUrl"},
                            new String[] {INVOKE_STATEMENT, "lambda:InvokeFunction"})) {
                step.accept("URL permission", permission(plan.function(), permission, dryRun));
            }
            step.accept("replay TTL", timeToLive(plan.stateTable(), dryRun));
        } catch (SdkException e) {
            throw AwsErrors.wrap("deploying self-registration", e);
        }
        return currentUrl(plan.function());
    }

    private StepOutcome url(String function, boolean dryRun) {
        if (currentUrl(function).isPresent()) {
            return new StepOutcome(Kind.UP_TO_DATE, "function URL of " + function + " (auth NONE)");
        }
        if (dryRun) {
            return new StepOutcome(
                    Kind.PLANNED,
                    "create a function URL (auth NONE: Slack signs, the handler verifies)");
        }
        aws.lambda()
                .createFunctionUrlConfig(
                        r -> r.functionName(function).authType(FunctionUrlAuthType.NONE));
        return new StepOutcome(Kind.CREATED, "function URL of " + function);
    }

    private StepOutcome permission(String function, String[] permission, boolean dryRun) {
        String what = permission[1] + " for anyone, through the URL only";
        if (dryRun) {
            return new StepOutcome(Kind.PLANNED, "allow " + what);
        }
        try {
            aws.lambda()
                    .addPermission(
                            r -> {
                                r.functionName(function)
                                        .statementId(permission[0])
                                        .action(permission[1])
                                        .principal("*");
                                if (permission[1].equals("lambda:InvokeFunctionUrl")) {
                                    r.functionUrlAuthType(FunctionUrlAuthType.NONE);
                                } else {
                                    r.invokedViaFunctionUrl(true);
                                }
                            });
            return new StepOutcome(Kind.CREATED, what);
        } catch (ResourceConflictException e) {
            return new StepOutcome(Kind.UP_TO_DATE, what);
        }
    }

    private StepOutcome timeToLive(String table, boolean dryRun) {
        String what = "TTL on " + table + "." + ReplayMark.EXPIRES_AT + " (replay marks expire)";
        try {
            var description =
                    aws.dynamo()
                            .describeTimeToLive(r -> r.tableName(table))
                            .timeToLiveDescription();
            if (description != null
                    && description.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                    && ReplayMark.EXPIRES_AT.equals(description.attributeName())) {
                return new StepOutcome(Kind.UP_TO_DATE, what);
            }
            if (dryRun) {
                return new StepOutcome(Kind.PLANNED, "enable " + what);
            }
            aws.dynamo()
                    .updateTimeToLive(
                            r ->
                                    r.tableName(table)
                                            .timeToLiveSpecification(
                                                    s ->
                                                            s.enabled(true)
                                                                    .attributeName(
                                                                            ReplayMark
                                                                                    .EXPIRES_AT)));
            return new StepOutcome(Kind.CREATED, what);
        } catch (SdkException e) {
            // dynalite (the sandbox) has no TTL; replay marks are tiny and harmless there.
            return new StepOutcome(
                    Kind.SKIPPED, "TTL not available here (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The function URL, if the function has one. */
    public Optional<String> currentUrl(String function) {
        return NotFound.asEmpty(
                () ->
                        aws.lambda()
                                .getFunctionUrlConfig(r -> r.functionName(function))
                                .functionUrl());
    }

    /** The plan's environment for printing: the signing secret masked. */
    public static Map<String, String> printableEnvironment(DeployPlan plan) {
        Map<String, String> env = new java.util.TreeMap<>(plan.environment());
        env.computeIfPresent(SelfRegistrationConfig.SIGNING_SECRET, (k, v) -> "(hidden)");
        return env;
    }

    /** What {@link #destroy} would remove, one line each. */
    public List<String> inventory(String function) {
        List<String> lines = new ArrayList<>();
        String self = functionName(function);
        if (deployed.functionExists(self)) {
            lines.add("function " + self + " (self-registration) and its URL");
        }
        deployed.ownRole(self)
                .ifPresent(role -> lines.add("role " + role + " and its inline policies"));
        return lines;
    }

    /** Removes the self-registration function (its URL and permissions go with it) and role. */
    public void destroy(String function, java.util.function.Consumer<String> removed) {
        String self = functionName(function);
        if (deployed.functionExists(self)) {
            aws.lambda().deleteFunction(r -> r.functionName(self));
            removed.accept("function " + self + " and its URL");
        }
        deployed.ownRole(self)
                .ifPresent(
                        role -> {
                            for (String policy :
                                    aws.iam()
                                            .listRolePolicies(r -> r.roleName(role))
                                            .policyNames()) {
                                aws.iam()
                                        .deleteRolePolicy(r -> r.roleName(role).policyName(policy));
                                removed.accept("inline policy " + policy + " of role " + role);
                            }
                            aws.iam().deleteRole(r -> r.roleName(role));
                            removed.accept("role " + role);
                        });
    }
}
