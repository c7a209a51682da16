package fanout.console.aws.policy;

import static fanout.console.aws.policy.AwsFaults.CLOUDWATCH;
import static fanout.console.aws.policy.AwsFaults.DYNAMODB;
import static fanout.console.aws.policy.AwsFaults.IAM;
import static fanout.console.aws.policy.AwsFaults.KINESIS;
import static fanout.console.aws.policy.AwsFaults.LAMBDA;
import static fanout.console.aws.policy.AwsFaults.STS;

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
    /** The code CloudWatch, IAM and STS send. */
    private static final String CODE = "AccessDenied";

    /** The code DynamoDB, Kinesis and Lambda send. */
    private static final String EXCEPTION = "AccessDeniedException";

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
        return switch (service) {
            case "dynamodb" -> DYNAMODB.fault(DynamoDbException.builder(), EXCEPTION, 400, message);
            case "kinesis" -> KINESIS.fault(AccessDeniedException.builder(), 400, message);
            case "cloudwatch" ->
                    CLOUDWATCH.fault(CloudWatchException.builder(), CODE, 403, message);
            case "lambda" -> LAMBDA.fault(LambdaException.builder(), EXCEPTION, 403, message);
            case "iam" -> IAM.fault(IamException.builder(), CODE, 403, message);
            case "sts" -> STS.fault(StsException.builder(), CODE, 403, message);
            default ->
                    throw new IllegalArgumentException(
                            "no access-denied shape for service " + service);
        };
    }
}
