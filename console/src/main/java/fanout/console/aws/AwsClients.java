package fanout.console.aws;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients of one console session, all in the session's region. Real ones come from {@link
 * SdkAwsClients}; the sandbox hands in clients pointed at dynalite and kinesalite and in-memory
 * ones for the rest.
 */
public interface AwsClients extends AutoCloseable {
    String region();

    DynamoDbClient dynamo();

    KinesisClient kinesis();

    /**
     * A Kinesis client for {@code region} (a source stream may live outside the session's region).
     * Local and in-memory clients serve every region from one endpoint.
     */
    default KinesisClient kinesis(String region) {
        return kinesis();
    }

    LambdaClient lambda();

    /**
     * The Lambda client for synchronous Invoke (the control invocations): never retried by the SDK
     * (a retry would run the function's work twice) and reading for longer than any function may
     * run. Fakes need nothing special.
     */
    default LambdaClient lambdaInvoker() {
        return lambda();
    }

    IamClient iam();

    StsClient sts();

    CloudWatchClient cloudWatch();

    @Override
    void close();
}
