package fanout.console.aws;

import fanout.console.problem.AwsAccessException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into messages a leader can act on: what failed, the AWS error code, and how
 * to fix it. Never prints credentials or request signatures.
 */
public final class AwsErrors {
    private static final String NO_CREDENTIALS =
            "Unable to load credentials from any of the providers";

    private AwsErrors() {}

    /**
     * A short, one-line reason with the AWS error code, e.g. "AccessDenied: User ... is not
     * authorized".
     */
    public static String reason(Throwable error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "Error" : code)
                    + ": "
                    + (message == null ? "(no message)" : message);
        }
        String message = error.getMessage();
        if (message == null) {
            return error.getClass().getSimpleName();
        }
        // The SDK lists every provider of the chain with its own reason: one line says it better.
        if (message.startsWith(NO_CREDENTIALS)) {
            return "no AWS credentials found (environment, profiles, SSO, web identity, container and"
                    + " instance metadata were tried)";
        }
        return firstLine(message);
    }

    /** The AWS error code of a service exception, or a short class-based code. */
    public static String code(Throwable error) {
        if (error instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return error instanceof SdkClientException
                ? "ClientError"
                : error.getClass().getSimpleName();
    }

    /**
     * How to fix it, for the common failures; empty when there is nothing better to say than the
     * reason.
     */
    public static String hint(Throwable error) {
        String code = code(error);
        String text = reason(error);
        if (code.contains("ExpiredToken")
                || code.equals("RequestExpired")
                || text.contains("expired")) {
            return "your credentials expired: refresh them (e.g. `aws sso login`) and run the command again";
        }
        if (code.contains("AccessDenied")
                || code.equals("UnauthorizedOperation")
                || code.equals("AuthorizationError")) {
            return "the identity you run as lacks this permission: use an administrator profile (--profile)";
        }
        if (code.equals("UnrecognizedClientException")
                || code.equals("InvalidClientTokenId")
                || code.equals("SignatureDoesNotMatch")) {
            return "the credentials are not valid in this account: check --profile and AWS_* variables";
        }
        if (code.contains("Throttl")
                || code.equals("TooManyRequestsException")
                || code.equals("LimitExceededException")) {
            return "AWS is throttling requests: wait a moment and try again";
        }
        if (code.contains("NotFound") || code.equals("NoSuchEntity")) {
            return "it does not exist in this account and region: check --region, or run `fanout deploy`";
        }
        if (error instanceof SdkClientException && text.contains("credentials")) {
            return "no AWS credentials found: set AWS_PROFILE or run `aws configure` (or try `fanout sandbox`)";
        }
        if (error instanceof SdkClientException && text.contains("region")) {
            return "no region set: pass --region or set AWS_REGION";
        }
        return "";
    }

    /** An {@link AwsAccessException} saying what was being done, why it failed, and the fix. */
    public static AwsAccessException wrap(String doing, SdkException error) {
        String hint = hint(error);
        return new AwsAccessException(
                doing + " failed: " + reason(error) + (hint.isEmpty() ? "" : "\n  fix: " + hint),
                error);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
