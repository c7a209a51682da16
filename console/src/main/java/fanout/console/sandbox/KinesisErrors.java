package fanout.console.sandbox;

import fanout.console.aws.policy.AwsFaults;
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
        return AwsFaults.KINESIS.fault(
                KinesisException.builder(), "AccessDeniedException", 400, message);
    }

    static KinesisException invalidArgument(String message) {
        return AwsFaults.KINESIS.fault(InvalidArgumentException.builder(), 400, message);
    }

    static KinesisException throttled(String message) {
        return AwsFaults.KINESIS.fault(
                ProvisionedThroughputExceededException.builder(), 400, message);
    }

    /** What STS answers when the caller may not assume the role. */
    static StsException cannotAssume(String callerArn, String roleArn) {
        String message =
                "User: "
                        + callerArn
                        + " is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn;
        return AwsFaults.STS.fault(StsException.builder(), "AccessDenied", 403, message);
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
}
