package fanout.console.sandbox;

import fanout.console.aws.memory.FunctionRuntime;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.aws.memory.InMemoryIam;
import fanout.console.aws.memory.InMemoryLambda;
import fanout.console.aws.memory.InMemorySts;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The console's in-memory CloudWatch, IAM, STS and Lambda, as the leader's account. */
final class SandboxServices implements InMemoryServices {
    private final Clock clock;
    private final InMemoryCloudWatch cloudWatch;
    private final InMemoryIam iam;
    private final InMemorySts sts;

    SandboxServices(Clock clock) {
        this.clock = clock;
        this.cloudWatch = new InMemoryCloudWatch(clock);
        this.iam = new InMemoryIam(SimulatedAccounts.LEADER_ACCOUNT, clock);
        this.sts = new InMemorySts(SimulatedAccounts.LEADER_ACCOUNT, iam, clock);
    }

    @Override
    public CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    @Override
    public IamClient iam() {
        return iam;
    }

    @Override
    public StsClient sts() {
        return sts;
    }

    @Override
    public LambdaClient lambda(FunctionRuntime runtime) {
        return new InMemoryLambda(runtime, iam, clock);
    }
}
