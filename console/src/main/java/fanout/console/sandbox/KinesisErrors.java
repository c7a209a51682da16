package fanout.console.sandbox;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sts.model.StsException;

/** The AWS errors the simulated accounts raise, shaped as the SDK would return them. */
final class KinesisErrors {
    static final String THROTTLED = "ProvisionedThroughputExceededException";

    private KinesisErrors() {}

    static KinesisException accessDenied(String message) {
        return (KinesisException)
                KinesisException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(details("AccessDeniedException", message, "Kinesis"))
                        .build();
    }

    static KinesisException invalidArgument(String message) {
        return InvalidArgumentException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("InvalidArgumentException", message, "Kinesis"))
                .build();
    }

    static KinesisException throttled(String message) {
        return ProvisionedThroughputExceededException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details(THROTTLED, message, "Kinesis"))
                .build();
    }

    /** What STS answers when the caller may not assume the role. */
    static StsException cannotAssume(String callerArn, String roleArn) {
        String message =
                "User: "
                        + callerArn
                        + " is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn;
        return (StsException)
                StsException.builder()
                        .message(message)
                        .statusCode(403)
                        .awsErrorDetails(details("AccessDenied", message, "Sts"))
                        .build();
    }

    /** The same exception with its message rewritten (kinesalite's names to the account's). */
    static RuntimeException withMessage(AwsServiceException error, String message) {
        AwsErrorDetails details = error.awsErrorDetails();
        return error.toBuilder()
                .message(message)
                .awsErrorDetails(
                        details == null ? null : details.toBuilder().errorMessage(message).build())
                .build();
    }

    private static AwsErrorDetails details(String code, String message, String service) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName(service)
                .build();
    }
}
