package fanout.console.sandbox;

import fanout.console.aws.memory.FunctionRuntime;
import fanout.console.aws.policy.CallLog;
import fanout.console.aws.policy.Caller;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The in-memory AWS services the sandbox runs on (no local emulator exists for them): one set per
 * sandbox, shared by the console session and the forwarder. Every call is authorized as IAM would:
 * the console's as the leader, the forwarder's as its function's execution role.
 */
public interface InMemoryServices {
    /** CloudWatch as the leader (the console) calls it. */
    CloudWatchClient cloudWatch();

    /** CloudWatch as {@code caller} calls it (the forwarder publishing its metrics). */
    CloudWatchClient cloudWatch(Caller caller);

    IamClient iam();

    StsClient sts();

    /** The Lambda service; its functions run through {@code runtime}. */
    LambdaClient lambda(FunctionRuntime runtime);

    /** The identity a function's code runs with: a session of its execution role. */
    Caller functionCaller(String functionName);

    /** Every call authorized so far, with IAM's decision. */
    CallLog calls();
}
