package fanout.console.sandbox;

import fanout.console.aws.policy.AccessRequest;
import fanout.console.aws.policy.AuthorizingClient;
import fanout.console.aws.policy.CallLog;
import fanout.console.aws.policy.Caller;
import fanout.console.aws.policy.Decision;
import fanout.console.deploy.PolicyDocuments;
import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The simulated accounts as one function's code reaches them, under IAM: its own Kinesis calls are
 * authorized against its execution role; AssumeRole needs sts:AssumeRole on the student's role in
 * that policy, and the student's trust to still name the fan-out role's unique id; a student's
 * stream is then written with what the handout tells students to grant their role.
 */
final class AuthorizedAccounts implements KinesisClientFactory {
    private final SimulatedAccounts accounts;
    private final Caller function;
    private final Supplier<Optional<String>> functionRoleId;
    private final CallLog calls;

    AuthorizedAccounts(
            SimulatedAccounts accounts,
            Caller function,
            Supplier<Optional<String>> functionRoleId,
            CallLog calls) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.function = Objects.requireNonNull(function, "function");
        this.functionRoleId = Objects.requireNonNull(functionRoleId, "functionRoleId");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        if (role.isEmpty()) {
            return AuthorizingClient.wrap(
                    KinesisClient.class, accounts.leaderView(region), function, region, calls);
        }
        String roleArn = role.get().roleArn();
        AccessRequest assume = new AccessRequest("sts:AssumeRole", roleArn);
        Decision decision = function.decide(assume);
        calls.record(function, assume, decision);
        if (decision != Decision.ALLOWED) {
            return SimulatedAccounts.failing(
                    roleArn, KinesisErrors.cannotAssume(function.arn(), roleArn));
        }
        Optional<SimulatedStudent> student = accounts.student(roleArn);
        if (student.isPresent()
                && student.get().condition() != StudentCondition.DENIED_ROLE
                && !accounts.trustsFanoutRole(student.get(), functionRoleId.get().orElse(""))) {
            return SimulatedAccounts.failing(
                    roleArn, KinesisErrors.cannotAssume(function.arn(), roleArn));
        }
        KinesisClient client = accounts.forDestination(region, role);
        if (student.isEmpty()) {
            return client;
        }
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        Caller studentRole =
                Caller.withPolicies(
                        "arn:aws:sts::"
                                + student.get().account()
                                + ":assumed-role/"
                                + roleName
                                + "/"
                                + role.get().sessionName(),
                        List.of(
                                PolicyDocuments.text(
                                        PolicyDocuments.studentPermissions(
                                                student.get().streamArn()))));
        return AuthorizingClient.wrap(KinesisClient.class, client, studentRole, region, calls);
    }

    @Override
    public void close() {
        accounts.close();
    }
}
