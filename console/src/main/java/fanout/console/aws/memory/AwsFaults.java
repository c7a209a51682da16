package fanout.console.aws.memory;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Builds service exceptions the way the SDK does for a real error response, with the error code in
 * {@link AwsErrorDetails} so that {@code AwsErrors} and the services see what AWS would send.
 */
final class AwsFaults {
    private AwsFaults() {}

    @SuppressWarnings("unchecked")
    static <E extends AwsServiceException> E fault(
            AwsServiceException.Builder builder,
            String service,
            String code,
            int status,
            String message) {
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
}
