package fanout.forward;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Classifies a failed AWS call of a destination: permanent (the destination gives up this batch) or
 * retryable (backoff, then hand-back), with a short code for the target's last error.
 */
public final class AwsFailures {
    public static final String ACCESS_DENIED = "AccessDenied";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    public static final String THROTTLED = "Throttled";
    public static final String NETWORK = "NetworkError";

    /** A destination's session expired: assumed again and retried, never the student's fault. */
    public static final String EXPIRED_TOKEN = "ExpiredToken";

    /** AssumeRole throttled for the whole function: retried, never the student's fault. */
    public static final String STS_THROTTLED = "StsThrottled";

    private static final Set<String> THROTTLING =
            Set.of(
                    "ProvisionedThroughputExceededException",
                    "LimitExceededException",
                    "ThrottlingException",
                    "Throttling",
                    "KMSThrottlingException",
                    "RequestLimitExceeded",
                    "TooManyRequestsException");
    private static final Set<String> RETRYABLE =
            Set.of(
                    "InternalFailure",
                    "InternalError",
                    "ServiceUnavailable",
                    "ResourceInUseException");

    /** The caller's (or the assumed role's) session expired: fresh credentials fix it. */
    private static final Set<String> EXPIRED =
            Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired");

    private AwsFailures() {}

    /** The whole-call failure for an exception thrown by a client (or its credentials). */
    public static SinkCallException classify(Throwable error) {
        StsException sts = find(error, StsException.class);
        if (sts != null) {
            return assumeRoleFailure(sts);
        }
        AwsServiceException service = find(error, AwsServiceException.class);
        if (service != null) {
            return serviceFailure(service);
        }
        return SinkCallException.retryable(NETWORK, describe(error), error);
    }

    /** Whether a service refused the call as throttled: its code, or the SDK's own test. */
    static boolean throttled(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return (code != null && THROTTLING.contains(code)) || e.isThrottlingException();
    }

    /**
     * Whether a stored failure code (a target's last error) is throttling: ours for a throttled
     * destination or STS, or a service's own throttling code; false for none.
     */
    public static boolean throttling(String code) {
        return code != null
                && (THROTTLED.equals(code)
                        || STS_THROTTLED.equals(code)
                        || THROTTLING.contains(code));
    }

    /** Whether a call was refused because its credentials' session expired. */
    public static boolean expiredSession(Throwable error) {
        AwsServiceException service = find(error, AwsServiceException.class);
        return service != null
                && service.awsErrorDetails() != null
                && EXPIRED.contains(String.valueOf(service.awsErrorDetails().errorCode()));
    }

    /**
     * Whether a failure code is about the function's way to the destination (its credentials), not
     * about the destination: no reason to make the student wait.
     */
    public static boolean credentialsProblem(String code) {
        return EXPIRED_TOKEN.equals(code) || STS_THROTTLED.equals(code);
    }

    /** Whether a per-entry error code is worth retrying, and whether it is throttling. */
    public static EntryOutcome entryOutcome(String code, String message) {
        if (THROTTLING.contains(code)) {
            return new EntryOutcome.Retryable(THROTTLED, code + ": " + message, true);
        }
        if (RETRYABLE.contains(code) || code.startsWith("Internal")) {
            return new EntryOutcome.Retryable(code, code + ": " + message, false);
        }
        return new EntryOutcome.Rejected(code, code + ": " + message);
    }

    /**
     * STS never makes a destination permanent: a role created a minute ago, a trust policy the
     * student is still fixing or a region not yet enabled all start working later, and the records
     * must still reach the student then.
     */
    private static SinkCallException assumeRoleFailure(StsException sts) {
        String code = sts.awsErrorDetails() == null ? null : sts.awsErrorDetails().errorCode();
        code = code == null ? "" : code;
        if (throttled(sts)) {
            return SinkCallException.throttled(STS_THROTTLED, describe(sts), sts);
        }
        if (EXPIRED.contains(code)) {
            return SinkCallException.retryable(EXPIRED_TOKEN, describe(sts), sts);
        }
        if (sts.statusCode() >= 500) {
            return SinkCallException.retryable(
                    code.isEmpty() ? "StsUnavailable" : stripException(code), describe(sts), sts);
        }
        if (code.startsWith("RegionDisabled")) {
            return SinkCallException.later(
                    "RegionDisabled", "STS is not enabled in the region: " + describe(sts), sts);
        }
        return SinkCallException.later(
                ACCESS_DENIED, "cannot assume the role: " + describe(sts), sts);
    }

    private static SinkCallException serviceFailure(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        code = code == null ? "" : code;
        if (throttled(e)) {
            return SinkCallException.throttled(THROTTLED, describe(e), e);
        }
        if (code.equals("ResourceNotFoundException")) {
            return SinkCallException.permanent(RESOURCE_NOT_FOUND, describe(e), e);
        }
        if (code.startsWith("AccessDenied") || e.statusCode() == 403 || e.statusCode() == 401) {
            return SinkCallException.permanent(ACCESS_DENIED, describe(e), e);
        }
        if (EXPIRED.contains(code)) {
            return SinkCallException.retryable(EXPIRED_TOKEN, describe(e), e);
        }
        if (RETRYABLE.contains(code) || e.statusCode() >= 500) {
            return SinkCallException.retryable(
                    code.isEmpty() ? "ServerError" : code, describe(e), e);
        }
        // KMS*, InvalidArgument, Validation and other 4xx: sending again cannot help.
        return SinkCallException.permanent(
                code.isEmpty() ? "ClientError" : stripException(code), describe(e), e);
    }

    /** A one-line message without the SDK's request-id noise. */
    public static String describe(Throwable error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String message = service.awsErrorDetails().errorMessage();
            String code = service.awsErrorDetails().errorCode();
            return (code == null ? "" : code + ": ")
                    + (message == null ? service.getMessage() : message);
        }
        if (error instanceof SdkClientException && error.getCause() != null) {
            return error.getMessage() + " (" + error.getCause().getMessage() + ")";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    private static String stripException(String code) {
        return code.endsWith("Exception") ? code.substring(0, code.length() - 9) : code;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
