package fanout.console.aws.policy;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The refusal each service sends when IAM denies a call: its exception type, error code and HTTP
 * status, and IAM's message naming the caller, the action, the resource and why.
 */
public final class AccessDenied {
    private AccessDenied() {}

    /** IAM's message, e.g. "User: arn:... is not authorized to perform: ... because ...". */
    public static String message(Caller caller, AccessRequest request, Decision decision) {
        String why =
                decision == Decision.EXPLICIT_DENY
                        ? "with an explicit deny in an identity-based policy"
                        : "because no identity-based policy allows the "
                                + request.action()
                                + " action";
        return "User: "
                + caller.arn()
                + " is not authorized to perform: "
                + request.action()
                + " on resource: "
                + request.resource()
                + " "
                + why;
    }

    /**
     * The exception the SDK raises for that refusal.
     *
     * @param service the IAM service prefix of the action ({@code dynamodb}, {@code kinesis}, ...)
     */
    public static AwsServiceException of(String service, String message) {
        switch (service) {
            case "dynamodb":
                return AwsFaults.DYNAMODB.fault(
                        DynamoDbException.builder(), "AccessDeniedException", 400, message);
            case "kinesis":
                return AwsFaults.KINESIS.fault(
                        AccessDeniedException.builder(), "AccessDeniedException", 400, message);
            case "cloudwatch":
                return AwsFaults.CLOUDWATCH.fault(
                        CloudWatchException.builder(), "AccessDenied", 403, message);
            case "lambda":
                return AwsFaults.LAMBDA.fault(
                        LambdaException.builder(), "AccessDeniedException", 403, message);
            case "iam":
                return AwsFaults.IAM.fault(IamException.builder(), "AccessDenied", 403, message);
            case "sts":
                return AwsFaults.STS.fault(StsException.builder(), "AccessDenied", 403, message);
            default:
                throw new IllegalArgumentException("no access-denied shape for service " + service);
        }
    }
}
