package fanout.console.sandbox;

import fanout.console.aws.memory.FunctionRuntime;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.aws.memory.InMemoryIam;
import fanout.console.aws.memory.InMemoryLambda;
import fanout.console.aws.memory.InMemorySts;
import fanout.console.aws.policy.AuthorizingClient;
import fanout.console.aws.policy.CallLog;
import fanout.console.aws.policy.Caller;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The console's in-memory CloudWatch, IAM, STS and Lambda, as the leader's account. The leader is
 * an administrator; a function's code gets only what its execution role's policies grant.
 */
final class SandboxServices implements InMemoryServices {
    /**
     * AWS's propagation delays, shortened: the rehearsal still shows the leader one wait for a new
     * role and one for a settling function or mapping, without making the first delivery slow.
     */
    static final int ROLE_ASSUME_FAILURES = 1;

    static final int SETTLE_POLLS = 1;

    static final Caller LEADER =
            Caller.administrator(
                    "arn:aws:iam::" + SimulatedAccounts.LEADER_ACCOUNT + ":user/workshop-leader");

    private final Clock clock;
    private final InMemoryCloudWatch cloudWatch;
    private final InMemoryIam iam;
    private final InMemorySts sts;
    private final CallLog calls = new CallLog();
    private final AtomicReference<InMemoryLambda> lambda = new AtomicReference<>();

    SandboxServices(Clock clock) {
        this.clock = clock;
        this.cloudWatch = new InMemoryCloudWatch(clock);
        this.iam = new InMemoryIam(SimulatedAccounts.LEADER_ACCOUNT, clock);
        this.sts = new InMemorySts(LEADER, iam, clock);
    }

    @Override
    public CloudWatchClient cloudWatch() {
        return cloudWatch(LEADER);
    }

    @Override
    public CloudWatchClient cloudWatch(Caller caller) {
        return AuthorizingClient.wrap(
                CloudWatchClient.class, cloudWatch, caller, SandboxRuntime.REGION, calls);
    }

    @Override
    public IamClient iam() {
        return AuthorizingClient.wrap(IamClient.class, iam, LEADER, SandboxRuntime.REGION, calls);
    }

    @Override
    public StsClient sts() {
        return sts;
    }

    @Override
    public LambdaClient lambda(FunctionRuntime runtime) {
        InMemoryLambda created =
                new InMemoryLambda(
                        runtime,
                        iam,
                        clock,
                        SandboxRuntime.REGION,
                        ROLE_ASSUME_FAILURES,
                        SETTLE_POLLS);
        lambda.set(created);
        return AuthorizingClient.wrap(
                LambdaClient.class, created, LEADER, SandboxRuntime.REGION, calls);
    }

    @Override
    public Caller functionCaller(String functionName) {
        InMemoryLambda functions = lambda.get();
        String role = functions == null ? "" : functions.roleOf(functionName).orElse("");
        if (role.isEmpty()) {
            // No function, no role: its code would have no credentials at all.
            return Caller.withPolicies(
                    "arn:aws:sts::"
                            + SimulatedAccounts.LEADER_ACCOUNT
                            + ":assumed-role/none/"
                            + functionName,
                    List.of());
        }
        return iam.session(role.substring(role.lastIndexOf('/') + 1), functionName);
    }

    @Override
    public CallLog calls() {
        return calls;
    }
}
