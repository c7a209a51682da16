package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.AwsErrors;
import fanout.console.hook.HookDrift;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import fanout.mapping.MappingQueries;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Checks an installation end to end: credentials, role, tables, function, source stream, hooks and
 * registrations. Every check runs even when an earlier one fails, so one run lists every problem;
 * only missing credentials stop it, since every later check would fail the same way.
 */
public final class DoctorService {
    private final AwsClients aws;
    private final Workshop workshop;

    public DoctorService(AwsClients aws, Workshop workshop) {
        this.aws = aws;
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
        Optional<FunctionConfiguration> configuration = function(function, checks);
        role(function, configuration, checks);
        table("targets table", TargetsTable.defaultName(function), checks);
        table("state table", StateTable.defaultName(function), checks);
        Optional<String> source =
                sourceArn.or(() -> account.map(a -> workshop.sourceStreamArn(a, aws.region())));
        source.ifPresent(arn -> stream(arn, checks));
        if (configuration.isPresent()) {
            hooks(function, checks);
        }
        source.ifPresent(arn -> registrations(TargetsTable.defaultName(function), arn, checks));
        source.ifPresent(
                arn ->
                        TrustBinding.check(
                                        aws, configuration, TargetsTable.defaultName(function), arn)
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
                    GetCallerIdentityResponse identity = aws.sts().getCallerIdentity();
                    checks.add(
                            DoctorCheck.ok(
                                    "credentials",
                                    "account "
                                            + identity.account()
                                            + " as "
                                            + identity.arn()
                                            + ", region "
                                            + aws.region()));
                    return identity.account();
                });
    }

    private Optional<FunctionConfiguration> function(String function, List<DoctorCheck> checks) {
        return attempt(
                "function",
                checks,
                () -> {
                    FunctionConfiguration c =
                            aws.lambda().getFunction(r -> r.functionName(function)).configuration();
                    Map<String, String> env =
                            c.environment() == null ? Map.of() : c.environment().variables();
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
                                    + c.stateAsString()
                                    + ", "
                                    + c.runtimeAsString()
                                    + ", "
                                    + c.memorySize()
                                    + " MB, transform "
                                    + env.getOrDefault(DeployPlan.ENV_TRANSFORM, "none");
                    if (!missing.isEmpty()) {
                        checks.add(
                                DoctorCheck.fail(
                                        "function",
                                        detail + "; environment lacks " + missing,
                                        "run `fanout deploy` to set the environment"));
                    } else if (!"Active".equals(c.stateAsString())) {
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
            String function,
            Optional<FunctionConfiguration> configuration,
            List<DoctorCheck> checks) {
        String roleName =
                configuration
                        .map(c -> c.role().substring(c.role().lastIndexOf('/') + 1))
                        .orElse(DeployPlan.roleName(function));
        attempt(
                "role",
                checks,
                () -> {
                    String arn = aws.iam().getRole(r -> r.roleName(roleName)).role().arn();
                    List<String> policies =
                            aws.iam().listRolePolicies(r -> r.roleName(roleName)).policyNames();
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
                    TableDescription d =
                            aws.dynamo().describeTable(r -> r.tableName(table)).table();
                    String detail = table + " " + d.tableStatusAsString();
                    checks.add(
                            "ACTIVE".equals(d.tableStatusAsString())
                                    ? DoctorCheck.ok(label, detail)
                                    : DoctorCheck.warn(label, detail, "wait for it to be ACTIVE"));
                    return d;
                });
    }

    private void stream(String arn, List<DoctorCheck> checks) {
        attempt(
                "source stream",
                checks,
                () -> {
                    // By ARN, with a client for the ARN's region: a source outside the session's
                    // region is found (the name is sent too, for emulators without StreamARN).
                    Arn parsed = Arn.parse(arn);
                    StreamDescriptionSummary s =
                            aws.kinesis(parsed.region())
                                    .describeStreamSummary(
                                            r -> r.streamARN(arn).streamName(parsed.shortName()))
                                    .streamDescriptionSummary();
                    checks.add(
                            DoctorCheck.ok(
                                    "source stream",
                                    arn
                                            + " "
                                            + s.streamStatusAsString()
                                            + ", "
                                            + s.openShardCount()
                                            + " open shard(s)"));
                    return s;
                });
    }

    private void hooks(String function, List<DoctorCheck> checks) {
        attempt(
                "hooks",
                checks,
                () -> {
                    List<EventSourceMappingConfiguration> hooks = new ArrayList<>();
                    aws.lambda()
                            .listEventSourceMappingsPaginator(
                                    ListEventSourceMappingsRequest.builder()
                                            .functionName(function)
                                            .build())
                            .eventSourceMappings()
                            .forEach(hooks::add);
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
                    int count = registrationCount(table, sourceArn);
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

    /** Counts the source's rows in the targets table (a COUNT query, every page). */
    private int registrationCount(String table, String sourceArn) {
        return aws
                .dynamo()
                .queryPaginator(
                        MappingQueries.bySource(table, sourceArn).select(Select.COUNT).build())
                .stream()
                .mapToInt(QueryResponse::count)
                .sum();
    }

    /** Runs one check; an AWS failure becomes a FAIL line with the fix instead of an exception. */
    private static <T> Optional<T> attempt(
            String name, List<DoctorCheck> checks, Supplier<T> check) {
        try {
            return Optional.ofNullable(check.get());
        } catch (SdkException e) {
            String hint = AwsErrors.hint(e);
            checks.add(
                    DoctorCheck.fail(
                            name,
                            AwsErrors.reason(e),
                            hint.isEmpty() ? "run `fanout deploy`" : hint));
            return Optional.empty();
        }
    }
}
