package fanout.console.hook;

import fanout.console.aws.AwsClients;
import fanout.console.deploy.PolicyDocuments;
import fanout.console.deploy.Polling;
import fanout.console.problem.AwsAccessException;
import fanout.mapping.Arn;
import fanout.time.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
        return hook(request, false, progress);
    }

    /**
     * Hooks, or checks an existing hook against {@link HookSettings}.
     *
     * @param repair update an existing hook whose settings differ, in place
     */
    public HookOutcome hook(HookRequest request, boolean repair, Consumer<String> progress) {
        String roleName = roleName(request.function());
        Optional<Hook> existing = find(request.function(), request.sourceArn());
        if (existing.isPresent()) {
            List<String> differences = HookSettings.differences(existing.get());
            if (differences.isEmpty()) {
                return new HookOutcome.AlreadyHooked(existing.get());
            }
            if (!repair) {
                return new HookOutcome.Drifted(existing.get(), differences);
            }
            return new HookOutcome.Repaired(repair(existing.get(), progress), differences);
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
                Polling.IAM_PROPAGATION.await(
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
        return unhook(function, sourceArn, message -> {});
    }

    /**
     * Removes the hook (retrying while it is in a transition) and its read grant; empty when there
     * was no hook, or it is already being deleted.
     */
    public Optional<Hook> unhook(String function, String sourceArn, Consumer<String> progress) {
        Optional<Hook> hook = find(function, sourceArn);
        hook.ifPresent(h -> delete(h, progress));
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
                                        new AwsAccessException(
                                                function
                                                        + " is not hooked to "
                                                        + sourceArn
                                                        + ": run `fanout hook --source-arn "
                                                        + sourceArn
                                                        + "`"));
        return whenNotInUse(
                () ->
                        Hook.of(
                                aws.lambda()
                                        .updateEventSourceMapping(
                                                r -> r.uuid(hook.uuid()).enabled(enabled))),
                progress);
    }

    /**
     * Deletes every hook of the function (skipping those already Deleting, retrying those in a
     * transition), then waits until Lambda has removed them all.
     *
     * @param removed told each mapping deleted, e.g. "event source mapping 1234 (arn:...)"
     */
    public List<Hook> removeAll(
            String function, Consumer<String> removed, Consumer<String> progress) {
        List<Hook> deleted = new ArrayList<>();
        for (Hook hook : hooks(function)) {
            if ("Deleting".equals(hook.state())) {
                progress.accept("mapping " + hook.uuid() + " is already being deleted");
            } else {
                delete(hook, progress);
                deleted.add(hook);
                removed.accept(
                        "event source mapping " + hook.uuid() + " (" + hook.sourceArn() + ")");
            }
        }
        Polling.FUNCTION_READY.await(
                "Lambda to delete the event source mappings",
                () -> hooks(function).isEmpty() ? Optional.of(true) : Optional.empty(),
                sleeper,
                progress);
        return deleted;
    }

    /** Updates an existing hook to {@link HookSettings}, in place. */
    private Hook repair(Hook hook, Consumer<String> progress) {
        Hook repaired =
                whenNotInUse(
                        () ->
                                Hook.of(
                                        aws.lambda()
                                                .updateEventSourceMapping(
                                                        r ->
                                                                r.uuid(hook.uuid())
                                                                        .functionResponseTypes(
                                                                                FunctionResponseType
                                                                                        .REPORT_BATCH_ITEM_FAILURES)
                                                                        .parallelizationFactor(
                                                                                HookSettings
                                                                                        .PARALLELIZATION_FACTOR)
                                                                        .maximumRetryAttempts(
                                                                                HookSettings
                                                                                        .MAXIMUM_RETRY_ATTEMPTS)
                                                                        .bisectBatchOnFunctionError(
                                                                                HookSettings
                                                                                        .BISECT_ON_ERROR)
                                                                        .maximumRecordAgeInSeconds(
                                                                                HookSettings
                                                                                        .MAXIMUM_RECORD_AGE_SECONDS))),
                        progress);
        progress.accept("updated mapping " + hook.uuid() + " in place");
        return repaired;
    }

    private void delete(Hook hook, Consumer<String> progress) {
        whenNotInUse(
                () -> {
                    try {
                        aws.lambda().deleteEventSourceMapping(r -> r.uuid(hook.uuid()));
                    } catch (ResourceNotFoundException e) {
                        // Deleted meanwhile (by another run or by hand): nothing left to remove.
                    }
                    return hook;
                },
                progress);
    }

    /**
     * Runs a change on a mapping, waiting with backoff while Lambda reports it in use (a Creating,
     * Enabling, Disabling or Updating mapping refuses changes until it settles).
     */
    private <T> T whenNotInUse(Supplier<T> change, Consumer<String> progress) {
        return Polling.FUNCTION_READY.await(
                "the hook to finish its current change",
                () -> {
                    try {
                        return Optional.of(change.get());
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
                                                    .parallelizationFactor(
                                                            HookSettings.PARALLELIZATION_FACTOR)
                                                    .bisectBatchOnFunctionError(
                                                            HookSettings.BISECT_ON_ERROR)
                                                    .maximumRetryAttempts(
                                                            HookSettings.MAXIMUM_RETRY_ATTEMPTS)
                                                    .maximumRecordAgeInSeconds(
                                                            HookSettings.MAXIMUM_RECORD_AGE_SECONDS)
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
            throw new AwsAccessException(
                    "function " + function + " does not exist here: run `fanout deploy` first");
        }
    }
}
