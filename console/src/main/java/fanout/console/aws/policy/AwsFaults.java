package fanout.console.aws.policy;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Builds one service's exceptions the way the SDK does for a real error response, with the error
 * code in {@link AwsErrorDetails} so that {@code AwsErrors} and the services see what AWS would
 * send. One instance per service, so the fakes name the service once and not at every error.
 */
public final class AwsFaults {
    public static final AwsFaults CLOUDWATCH = new AwsFaults("CloudWatch");
    public static final AwsFaults DYNAMODB = new AwsFaults("DynamoDb");
    public static final AwsFaults IAM = new AwsFaults("Iam");
    public static final AwsFaults KINESIS = new AwsFaults("Kinesis");
    public static final AwsFaults LAMBDA = new AwsFaults("Lambda");
    public static final AwsFaults STS = new AwsFaults("Sts");

    private final String service;

    private AwsFaults(String service) {
        this.service = service;
    }

    /** The exception {@code builder} makes, carrying {@code code}, {@code status} and message. */
    @SuppressWarnings("unchecked")
    public <E extends AwsServiceException> E fault(
            AwsServiceException.Builder builder, String code, int status, String message) {
        return (E)
                builder.message(message)
                        .statusCode(status)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .serviceName(service)
                                        .errorCode(code)
                                        .errorMessage(message)
                                        .build())
                        .build();
    }

    /**
     * The exception {@code builder} makes, with the exception's own name as error code: Lambda and
     * Kinesis name their codes so (the SDK maps a code to the exception of that name).
     */
    public <E extends AwsServiceException> E fault(
            AwsServiceException.Builder builder, int status, String message) {
        return fault(builder, builder.build().getClass().getSimpleName(), status, message);
    }
}
