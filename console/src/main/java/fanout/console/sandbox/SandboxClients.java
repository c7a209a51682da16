package fanout.console.sandbox;

import fanout.console.aws.AwsClients;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The leader's AWS, as the sandbox simulates it. Sessions come and go (one per command run over the
 * control channel); these clients live as long as the sandbox, so closing a session leaves them
 * open.
 */
record SandboxClients(
        String region,
        DynamoDbClient dynamo,
        KinesisClient kinesis,
        LambdaClient lambda,
        IamClient iam,
        StsClient sts,
        CloudWatchClient cloudWatch)
        implements AwsClients {

    SandboxClients {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(kinesis, "kinesis");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(iam, "iam");
        Objects.requireNonNull(sts, "sts");
        Objects.requireNonNull(cloudWatch, "cloudWatch");
    }

    @Override
    public void close() {
        // Shared by every session of the sandbox: SandboxRuntime closes what needs closing.
    }
}
