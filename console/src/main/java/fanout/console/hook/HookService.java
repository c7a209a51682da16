package fanout.console.hook;

import fanout.console.aws.AwsClients;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.deploy.Backoff;
import fanout.console.deploy.PolicyDocuments;
import fanout.console.deploy.Sleeper;
import fanout.mapping.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Hooks the fan-out function to source streams. Hooking first grants the function's role read
 * access to that one stream, then creates the mapping, retrying while the grant propagates;
 * unhooking removes both.
 */
public final class HookService {
    /** IAM's limit on an inline policy name. */
    static final int MAX_POLICY_NAME = 128;

    private final AwsClients aws;
    private final Sleeper sleeper;

    public HookService(AwsClients aws, Sleeper sleeper) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The inline policy that lets {@code function} read {@code sourceArn}. */
    public static String grantPolicyName(String function, String sourceArn) {
        String name = function + "-read-" + Arn.parse(sourceArn).shortName();
        return name.length() <= MAX_POLICY_NAME ? name : name.substring(0, MAX_POLICY_NAME);
    }

    public HookOutcome hook(HookRequest request, Consumer<String> progress) {
        String roleName = roleName(request.function());
        Optional<Hook> existing = find(request.function(), request.sourceArn());
        if (existing.isPresent()) {
            return new HookOutcome.AlreadyHooked(existing.get());
        }
        String policy = grantPolicyName(request.function(), request.sourceArn());
        aws.iam()
                .putRolePolicy(
                        r ->
                                r.roleName(roleName)
                                        .policyName(policy)
                                        .policyDocument(
                                                PolicyDocuments.text(
                                                        PolicyDocuments.streamRead(
                                                                request.sourceArn()))));
        progress.accept("granted " + roleName + " read access (" + policy + ")");
        Hook created =
                Backoff.IAM_PROPAGATION.await(
                        "the read grant to propagate", () -> tryCreate(request), sleeper, progress);
        return new HookOutcome.Hooked(created, policy);
    }

    /** Every hook of the function. */
    public List<Hook> hooks(String function) {
        requireFunction(function);
        List<Hook> hooks = new ArrayList<>();
        aws.lambda()
                .listEventSourceMappingsPaginator(
                        ListEventSourceMappingsRequest.builder().functionName(function).build())
                .eventSourceMappings()
                .forEach(mapping -> hooks.add(Hook.of(mapping)));
        return hooks;
    }

    public Optional<Hook> find(String function, String sourceArn) {
        return hooks(function).stream()
                .filter(hook -> hook.sourceArn().equals(sourceArn))
                .filter(hook -> !"Deleting".equals(hook.state()))
                .findFirst();
    }

    /** Removes the hook and its read grant; empty when there was no hook. */
    public Optional<Hook> unhook(String function, String sourceArn) {
        Optional<Hook> hook = find(function, sourceArn);
        hook.ifPresent(h -> aws.lambda().deleteEventSourceMapping(r -> r.uuid(h.uuid())));
        String roleName = roleName(function);
        try {
            aws.iam()
                    .deleteRolePolicy(
                            r ->
                                    r.roleName(roleName)
                                            .policyName(grantPolicyName(function, sourceArn)));
        } catch (NoSuchEntityException e) {
            // No grant to remove (hooked by another tool, or removed already).
        }
        return hook;
    }

    /** Disables (pause) or enables (resume) the hook, waiting out a transition in progress. */
    public Hook setEnabled(
            String function, String sourceArn, boolean enabled, Consumer<String> progress) {
        Hook hook =
                find(function, sourceArn)
                        .orElseThrow(
                                () ->
                                        new FanoutException(
                                                ExitCodes.AWS,
                                                function
                                                        + " is not hooked to "
                                                        + sourceArn
                                                        + ": run `fanout hook --source-arn "
                                                        + sourceArn
                                                        + "`"));
        return Backoff.FUNCTION_READY.await(
                "the hook to finish its current change",
                () -> {
                    try {
                        return Optional.of(
                                Hook.of(
                                        aws.lambda()
                                                .updateEventSourceMapping(
                                                        r ->
                                                                r.uuid(hook.uuid())
                                                                        .enabled(enabled))));
                    } catch (ResourceInUseException e) {
                        return Optional.empty();
                    }
                },
                sleeper,
                progress);
    }

    private Optional<Hook> tryCreate(HookRequest request) {
        try {
            var response =
                    aws.lambda()
                            .createEventSourceMapping(
                                    r ->
                                            r.functionName(request.function())
                                                    .eventSourceArn(request.sourceArn())
                                                    .startingPosition(request.startingPosition())
                                                    .startingPositionTimestamp(
                                                            request.timestamp().orElse(null))
                                                    .batchSize(request.batchSize())
                                                    .maximumBatchingWindowInSeconds(
                                                            request.batchWindowSeconds())
                                                    .functionResponseTypes(
                                                            FunctionResponseType
                                                                    .REPORT_BATCH_ITEM_FAILURES)
                                                    .bisectBatchOnFunctionError(false)
                                                    .maximumRetryAttempts(-1)
                                                    .enabled(request.enabled()));
            return Optional.of(Hook.of(response));
        } catch (InvalidParameterValueException e) {
            if (String.valueOf(e.getMessage()).contains("Cannot access stream")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String roleName(String function) {
        String role = requireFunction(function);
        return role.substring(role.lastIndexOf('/') + 1);
    }

    /** The function's role ARN; a clear error when the function is not deployed. */
    private String requireFunction(String function) {
        try {
            return aws.lambda().getFunction(r -> r.functionName(function)).configuration().role();
        } catch (ResourceNotFoundException e) {
            throw new FanoutException(
                    ExitCodes.AWS,
                    "function " + function + " does not exist here: run `fanout deploy` first");
        }
    }
}
