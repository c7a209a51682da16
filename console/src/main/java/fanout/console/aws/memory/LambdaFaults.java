package fanout.console.aws.memory;

import fanout.console.aws.policy.AwsFaults;
import java.util.UUID;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStartNotReadyException;

/** Lambda's errors and small value helpers, as the in-memory Lambda produces them. */
final class LambdaFaults {
    private LambdaFaults() {}

    static InvalidParameterValueException invalidParameter(String message) {
        return AwsFaults.LAMBDA.fault(InvalidParameterValueException.builder(), 400, message);
    }

    static ResourceConflictException conflict(String message) {
        return AwsFaults.LAMBDA.fault(ResourceConflictException.builder(), 409, message);
    }

    static ResourceNotFoundException notFound(String message) {
        return AwsFaults.LAMBDA.fault(ResourceNotFoundException.builder(), 404, message);
    }

    static PreconditionFailedException preconditionFailed(String resource) {
        return AwsFaults.LAMBDA.fault(
                PreconditionFailedException.builder(),
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the Get"
                        + resource
                        + " API to retrieve the latest Revision Id");
    }

    static SnapStartNotReadyException snapStartNotReady() {
        return AwsFaults.LAMBDA.fault(
                SnapStartNotReadyException.builder(),
                409,
                "Lambda is initializing your function. You can invoke the function when the state"
                        + " of your function is Active.");
    }

    /** The payload Lambda returns for an unhandled exception of the function. */
    static String errorPayload(RuntimeException e) {
        return "{\"errorMessage\":"
                + quote(String.valueOf(e.getMessage()))
                + ",\"errorType\":"
                + quote(e.getClass().getName())
                + "}";
    }

    static String newUuid() {
        return UUID.randomUUID().toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
