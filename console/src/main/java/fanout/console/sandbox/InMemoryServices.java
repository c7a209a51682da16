package fanout.console.sandbox;

import fanout.console.aws.memory.FunctionRuntime;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The in-memory AWS services the sandbox runs on (no local emulator exists for them): one set per
 * sandbox, shared by the console session and the forwarder.
 */
public interface InMemoryServices {
    CloudWatchClient cloudWatch();

    IamClient iam();

    StsClient sts();

    /** The Lambda service; its functions run through {@code runtime}. */
    LambdaClient lambda(FunctionRuntime runtime);
}
