package fanout.console.aws;

import fanout.console.problem.AwsAccessException;
import java.util.List;
import java.util.Set;
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

    private static final String EXPIRED =
            "your credentials expired: refresh them (e.g. `aws sso login`) and run the command again";

    /** The fixes for the common error codes, the first that matches wins. */
    private static final List<Fix> FIXES =
            List.of(
                    new Fix(EXPIRED, "ExpiredToken", "RequestExpired"),
                    new Fix(
                            "the identity you run as lacks this permission: use an administrator"
                                    + " profile (--profile)",
                            "AccessDenied",
                            "UnauthorizedOperation",
                            "AuthorizationError"),
                    new Fix(
                            "the credentials are not valid in this account: check --profile and"
                                    + " AWS_* variables",
                            null,
                            "UnrecognizedClientException",
                            "InvalidClientTokenId",
                            "SignatureDoesNotMatch"),
                    new Fix(
                            "AWS is throttling requests: wait a moment and try again",
                            "Throttl",
                            "TooManyRequestsException",
                            "LimitExceededException"),
                    new Fix(
                            "it does not exist in this account and region: check --region, or run"
                                    + " `fanout deploy`",
                            "NotFound",
                            "NoSuchEntity"));

    private AwsErrors() {}

    /**
     * A fix for the codes that contain {@code part} (when there is one) or equal one of {@code
     * codes}.
     */
    private record Fix(String hint, String part, Set<String> codes) {
        Fix(String hint, String part, String... codes) {
            this(hint, part, Set.of(codes));
        }

        boolean matches(String code) {
            return (part != null && code.contains(part)) || codes.contains(code);
        }
    }

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
        if (text.contains("expired")) {
            return EXPIRED;
        }
        for (Fix fix : FIXES) {
            if (fix.matches(code)) {
                return fix.hint();
            }
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
