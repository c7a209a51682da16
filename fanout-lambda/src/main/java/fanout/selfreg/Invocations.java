package fanout.selfreg;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The one way this function calls a Lambda function: a JSON payload, as UTF-8, to the forwarder
 * (its {@code check}, answered) or to itself (the continuation, not waited for).
 */
final class Invocations {
    private Invocations() {}

    static InvokeResponse invoke(
            LambdaClient lambda, String function, InvocationType type, JsonNode payload) {
        return lambda.invoke(
                r ->
                        r.functionName(function)
                                .invocationType(type)
                                .payload(SdkBytes.fromUtf8String(payload.toString())));
    }
}
