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

/**
 * Hooks the fan-out function to source streams. Hooking first grants the function's role read
 * access to that one stream, then creates the mapping, retrying while the grant propagates;
 * unhooking removes both.
 */
public final class HookService {
    /** IAM's limit on an inline policy name. */
    static final int MAX_POLICY_NAME = 128;

    private final HookStore store;
    private final Sleeper sleeper;

    /** Over the session's Lambda and IAM clients. */
    public HookService(AwsClients aws, Sleeper sleeper) {
        this(new SdkHookStore(aws), sleeper);
    }

    public HookService(HookStore store, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
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
        store.grant(
                roleName,
                policy,
                PolicyDocuments.text(PolicyDocuments.streamRead(request.sourceArn())));
        progress.accept("granted " + roleName + " read access (" + policy + ")");
        Hook created =
                Polling.IAM_PROPAGATION.await(
                        "the read grant to propagate",
                        () -> store.create(request),
                        sleeper,
                        progress);
        return new HookOutcome.Hooked(created, policy);
    }

    /** Every hook of the function. */
    public List<Hook> hooks(String function) {
        requireFunction(function);
        return store.hooks(function);
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
        // False when there is no grant to remove (hooked by another tool, or removed already).
        store.revoke(roleName(function), grantPolicyName(function, sourceArn));
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
        return whenNotInUse(() -> store.setEnabled(hook.uuid(), enabled), progress);
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
        Hook repaired = whenNotInUse(() -> store.applySettings(hook.uuid()), progress);
        progress.accept("updated mapping " + hook.uuid() + " in place");
        return repaired;
    }

    private void delete(Hook hook, Consumer<String> progress) {
        whenNotInUse(
                () -> store.delete(hook.uuid()) ? Optional.of(hook) : Optional.empty(), progress);
    }

    /**
     * Runs a change on a mapping, waiting with backoff while it is in use (a Creating, Enabling,
     * Disabling or Updating mapping refuses changes until it settles).
     */
    private <T> T whenNotInUse(Supplier<Optional<T>> change, Consumer<String> progress) {
        return Polling.FUNCTION_READY.await(
                "the hook to finish its current change", change, sleeper, progress);
    }

    private String roleName(String function) {
        String role = requireFunction(function);
        return role.substring(role.lastIndexOf('/') + 1);
    }

    /** The function's role ARN; a clear error when the function is not deployed. */
    private String requireFunction(String function) {
        return store.functionRole(function)
                .orElseThrow(
                        () ->
                                new AwsAccessException(
                                        "function "
                                                + function
                                                + " does not exist here: run `fanout deploy`"
                                                + " first"));
    }
}
