package fanout.console.aws.memory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * What one Invoke runs: the function's code with the environment and timeout of the version it
 * resolved to ({@code $LATEST} or a published one), answered as Lambda answers: an exception of the
 * function or a response over 6 MB is a function error, not a failed call.
 */
record Invocation(
        String function, Map<String, String> environment, Duration timeout, String version) {
    Invocation {
        environment = Map.copyOf(environment);
    }

    InvokeResponse run(FunctionRuntime runtime, byte[] payload) {
        try {
            byte[] answer = runtime.invoke(function, environment, payload, timeout);
            if (answer != null && answer.length > LambdaLimits.SYNC_PAYLOAD_BYTES) {
                return unhandled(LambdaLimits.responseTooLarge(answer.length));
            }
            return InvokeResponse.builder()
                    .statusCode(200)
                    .executedVersion(version)
                    .payload(SdkBytes.fromByteArray(answer == null ? new byte[0] : answer))
                    .build();
        } catch (RuntimeException e) {
            return unhandled(LambdaFaults.errorPayload(e));
        }
    }

    private InvokeResponse unhandled(String error) {
        return InvokeResponse.builder()
                .statusCode(200)
                .functionError("Unhandled")
                .executedVersion(version)
                .payload(SdkBytes.fromString(error, StandardCharsets.UTF_8))
                .build();
    }
}
