package fanout.console.check;

import fanout.console.aws.AwsClients;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@link ControlFunction} on Lambda: GetFunctionConfiguration, and a RequestResponse Invoke through
 * the invoker client (never retried by the SDK: a retry would run the function's work twice).
 */
public final class LambdaControlFunction implements ControlFunction {
    private final LambdaClient lambda;
    private final LambdaClient invoker;

    /** Over the session's Lambda client and its invoker. */
    public LambdaControlFunction(AwsClients aws) {
        this(aws.lambda(), aws.lambdaInvoker());
    }

    public LambdaControlFunction(LambdaClient lambda, LambdaClient invoker) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
    }

    @Override
    public Optional<Settings> settings(String function) {
        try {
            GetFunctionConfigurationResponse c =
                    lambda.getFunctionConfiguration(r -> r.functionName(function));
            return Optional.of(new Settings(c.role(), c.timeout(), c.stateAsString()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Invocation invoke(String function, String payload, Duration timeout) {
        InvokeResponse response;
        try {
            response =
                    invoker.invoke(
                            r ->
                                    r.functionName(function)
                                            .invocationType(InvocationType.REQUEST_RESPONSE)
                                            .payload(SdkBytes.fromUtf8String(payload))
                                            .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
        } catch (ResourceConflictException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("Pending") || reason.contains("Inactive")) {
                return new Invocation.NotReady(reason);
            }
            throw e;
        }
        return new Invocation.Answered(
                response.payload() == null ? null : response.payload().asUtf8String(),
                response.functionError());
    }
}
