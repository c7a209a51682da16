package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.AwsResult;
import fanout.console.aws.Identity;
import fanout.console.deploy.InstallationReads.FunctionSummary;
import fanout.console.deploy.InstallationReads.StreamSummary;
import fanout.console.hook.Hook;
import fanout.console.hook.HookDrift;
import fanout.console.workshop.Workshop;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks an installation end to end: credentials, role, tables, function, source stream, hooks and
 * registrations. Every check runs even when an earlier one fails, so one run lists every problem;
 * only missing credentials stop it, since every later check would fail the same way.
 */
public final class DoctorService {
    private final InstallationReads reads;
    private final Workshop workshop;

    /** Over the session's clients. */
    public DoctorService(AwsClients aws, Workshop workshop) {
        this(new SdkInstallationReads(aws), workshop);
    }

    DoctorService(InstallationReads reads, Workshop workshop) {
        this.reads = reads;
        this.workshop = workshop;
    }

    public List<DoctorCheck> check(String function, Optional<String> sourceArn) {
        List<DoctorCheck> checks = new ArrayList<>();
        Optional<String> account = credentials(checks);
        if (account.isEmpty()) {
            // Without working credentials every other check fails the same way: say so once.
            checks.add(
                    DoctorCheck.warn(
                            "other checks",
                            "skipped: they need working credentials",
                            "fix the credentials above, then run `fanout doctor` again"));
            return checks;
        }
        Optional<FunctionSummary> configuration = function(function, checks);
        role(function, configuration, checks);
        table("targets table", TargetsTable.defaultName(function), checks);
        table("state table", StateTable.defaultName(function), checks);
        Optional<String> source =
                sourceArn.or(() -> account.map(a -> workshop.sourceStreamArn(a, reads.region())));
        source.ifPresent(arn -> stream(arn, checks));
        if (configuration.isPresent()) {
            List<Hook> hooks = hooks(function, checks).orElse(List.of());
            attempt(
                    SnapStartCheck.NAME,
                    checks,
                    () -> {
                        SnapStartCheck.check(
                                        function,
                                        configuration.get(),
                                        reads.liveAlias(function),
                                        hooks)
                                .ifPresent(checks::add);
                        return true;
                    });
        }
        source.ifPresent(arn -> registrations(TargetsTable.defaultName(function), arn, checks));
        source.ifPresent(
                arn ->
                        TrustBinding.check(
                                        reads,
                                        configuration.map(FunctionSummary::role),
                                        TargetsTable.defaultName(function),
                                        arn)
                                .ifPresent(checks::add));
        return checks;
    }

    public static boolean anyFailed(List<DoctorCheck> checks) {
        return checks.stream().anyMatch(check -> check.status() == DoctorCheck.Status.FAIL);
    }

    private Optional<String> credentials(List<DoctorCheck> checks) {
        return attempt(
                "credentials",
                checks,
                () -> {
                    Identity identity = reads.caller();
                    checks.add(
                            DoctorCheck.ok(
                                    "credentials",
                                    "account "
                                            + identity.account()
                                            + " as "
                                            + identity.arn()
                                            + ", region "
                                            + reads.region()));
                    return identity.account();
                });
    }

    private Optional<FunctionSummary> function(String function, List<DoctorCheck> checks) {
        return attempt(
                "function",
                checks,
                () -> {
                    FunctionSummary c = reads.function(function);
                    Map<String, String> env = c.environment();
                    List<String> missing = new ArrayList<>();
                    for (String name :
                            List.of(DeployPlan.ENV_TARGETS_TABLE, DeployPlan.ENV_STATE_TABLE)) {
                        if (!env.containsKey(name)) {
                            missing.add(name);
                        }
                    }
                    String detail =
                            function
                                    + " "
                                    + c.state()
                                    + ", "
                                    + c.runtime()
                                    + ", "
                                    + c.memoryMegabytes()
                                    + " MB, transform "
                                    + env.getOrDefault(DeployPlan.ENV_TRANSFORM, "none");
                    if (!missing.isEmpty()) {
                        checks.add(
                                DoctorCheck.fail(
                                        "function",
                                        detail + "; environment lacks " + missing,
                                        "run `fanout deploy` to set the environment"));
                    } else if (!"Active".equals(c.state())) {
                        checks.add(
                                DoctorCheck.warn(
                                        "function",
                                        detail,
                                        "wait a minute, or run `fanout deploy` again"));
                    } else {
                        checks.add(DoctorCheck.ok("function", detail));
                    }
                    return c;
                });
    }

    private void role(
            String function, Optional<FunctionSummary> configuration, List<DoctorCheck> checks) {
        String roleName =
                configuration
                        .map(c -> c.role().substring(c.role().lastIndexOf('/') + 1))
                        .orElse(DeployPlan.roleName(function));
        attempt(
                "role",
                checks,
                () -> {
                    String arn = reads.role(roleName).arn();
                    List<String> policies = reads.inlinePolicies(roleName);
                    checks.add(
                            DoctorCheck.ok("role", arn + " (inline policies: " + policies + ")"));
                    return arn;
                });
    }

    private void table(String label, String table, List<DoctorCheck> checks) {
        attempt(
                label,
                checks,
                () -> {
                    String status = reads.tableStatus(table);
                    String detail = table + " " + status;
                    checks.add(
                            "ACTIVE".equals(status)
                                    ? DoctorCheck.ok(label, detail)
                                    : DoctorCheck.warn(label, detail, "wait for it to be ACTIVE"));
                    return status;
                });
    }

    private void stream(String arn, List<DoctorCheck> checks) {
        attempt(
                "source stream",
                checks,
                () -> {
                    StreamSummary s = reads.stream(arn);
                    checks.add(
                            DoctorCheck.ok(
                                    "source stream",
                                    arn
                                            + " "
                                            + s.status()
                                            + ", "
                                            + s.openShards()
                                            + " open shard(s)"));
                    return s;
                });
    }

    private Optional<List<Hook>> hooks(String function, List<DoctorCheck> checks) {
        return attempt(
                "hooks",
                checks,
                () -> {
                    List<Hook> hooks = reads.hooks(function);
                    long enabled = hooks.stream().filter(h -> "Enabled".equals(h.state())).count();
                    List<String> drift = HookDrift.describe(hooks);
                    if (!drift.isEmpty()) {
                        checks.add(
                                DoctorCheck.fail(
                                        "hooks",
                                        String.join("; ", drift),
                                        "run `fanout hook --repair` to update the mapping in"
                                                + " place"));
                    } else if (hooks.isEmpty()) {
                        checks.add(
                                DoctorCheck.warn(
                                        "hooks",
                                        "the function reads no stream",
                                        "run `fanout hook` once the class is registered"));
                    } else if (enabled < hooks.size()) {
                        checks.add(
                                DoctorCheck.warn(
                                        "hooks",
                                        hooks.size() + " hook(s), " + enabled + " enabled",
                                        "run `fanout resume` to enable a paused hook"));
                    } else {
                        checks.add(DoctorCheck.ok("hooks", hooks.size() + " hook(s), all enabled"));
                    }
                    return hooks;
                });
    }

    private void registrations(String table, String sourceArn, List<DoctorCheck> checks) {
        attempt(
                "registrations",
                checks,
                () -> {
                    int count = reads.registrationCount(table, sourceArn);
                    checks.add(
                            count == 0
                                    ? DoctorCheck.warn(
                                            "registrations",
                                            "no student registered for " + sourceArn,
                                            "run `fanout roster import FILE`")
                                    : DoctorCheck.ok(
                                            "registrations",
                                            count + " registered for " + sourceArn));
                    return count;
                });
    }

    /** Runs one check; an AWS failure becomes a FAIL line with the fix instead of an exception. */
    private static <T> Optional<T> attempt(
            String name, List<DoctorCheck> checks, Supplier<T> check) {
        AwsResult<T> result = AwsResult.of(check);
        if (result instanceof AwsResult.Failed<T> failed) {
            String hint = failed.failure().hint();
            checks.add(
                    DoctorCheck.fail(
                            name,
                            failed.failure().reason(),
                            hint.isEmpty() ? "run `fanout deploy`" : hint));
            return Optional.empty();
        }
        return Optional.ofNullable(((AwsResult.Done<T>) result).value());
    }
}
