package fanout.console.aws.memory;

import fanout.console.aws.policy.AwsFaults;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;

/**
 * Lambda's quotas and parameter rules, with the errors it sends: 6 MB synchronous request and
 * response payloads, 50 MB zipped code uploaded directly, a runtime Lambda still accepts, a handler
 * of up to 128 non-blank characters, SnapStart only on Java 11 or later.
 */
final class LambdaLimits {
    /** Synchronous invocation request and response payload limit (6 MB). */
    static final int SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;

    /** Zipped deployment package uploaded directly in the request (50 MB). */
    static final int DIRECT_ZIP_BYTES = 50 * 1024 * 1024;

    /** The oldest Java runtime SnapStart supports (java11; java8.al2 is not). */
    static final int SNAP_START_OLDEST_JAVA = 11;

    private static final Pattern JAVA_RUNTIME = Pattern.compile("java(\\d+)");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");
    private static final Set<String> RETIRED =
            Set.of(
                    "java8",
                    "python2.7",
                    "python3.6",
                    "python3.7",
                    "nodejs10.x",
                    "nodejs12.x",
                    "dotnetcore2.1",
                    "ruby2.5");

    private LambdaLimits() {}

    static void requireValid(String runtime, String handler) {
        if (runtime != null) {
            if (Runtime.fromValue(runtime) == Runtime.UNKNOWN_TO_SDK_VERSION) {
                throw LambdaFaults.invalidParameter(
                        "Value "
                                + runtime
                                + " at 'runtime' failed to satisfy constraint: Member must"
                                + " satisfy enum value set: "
                                + Runtime.knownValues());
            }
            if (RETIRED.contains(runtime)) {
                throw LambdaFaults.invalidParameter(
                        "The runtime parameter of "
                                + runtime
                                + " is no longer supported for creating or"
                                + " updating AWS Lambda functions. We recommend you use a supported"
                                + " runtime while creating or updating functions.");
            }
        }
        if (handler != null && !HANDLER.matcher(handler).matches()) {
            throw LambdaFaults.invalidParameter(
                    "1 validation error detected: Value '"
                            + handler
                            + "' at 'handler' failed to"
                            + " satisfy constraint: Member must satisfy regular expression pattern:"
                            + " [^\\s]+ and have length less than or equal to 128");
        }
    }

    /** Refuses SnapStart on published versions for a runtime that does not support it. */
    static void requireSnapStartSupported(String runtime, String applyOn) {
        if (!SnapStartApplyOn.PUBLISHED_VERSIONS.toString().equals(applyOn)) {
            return;
        }
        Matcher java = JAVA_RUNTIME.matcher(runtime == null ? "" : runtime);
        if (!java.matches() || Integer.parseInt(java.group(1)) < SNAP_START_OLDEST_JAVA) {
            throw LambdaFaults.invalidParameter(
                    "SnapStart is not supported for the runtime "
                            + runtime
                            + ": SnapStart (ApplyOn PublishedVersions) needs java"
                            + SNAP_START_OLDEST_JAVA
                            + " or a later Java runtime.");
        }
    }

    static void requireZipSize(SdkBytes zip) {
        if (zip != null && zip.asByteBuffer().remaining() > DIRECT_ZIP_BYTES) {
            throw tooLarge(
                    "Zipped deployment package uploaded directly must be smaller than "
                            + DIRECT_ZIP_BYTES
                            + " bytes: upload it to S3 instead");
        }
    }

    static void requirePayloadSize(byte[] payload) {
        if (payload.length > SYNC_PAYLOAD_BYTES) {
            throw tooLarge(
                    "Request must be smaller than "
                            + SYNC_PAYLOAD_BYTES
                            + " bytes for the InvokeFunction operation");
        }
    }

    /** The error payload Lambda returns when a function's response is too large. */
    static String responseTooLarge(int size) {
        return "{\"errorMessage\":\"Response payload size ("
                + size
                + " bytes) exceeded maximum allowed"
                + " payload size ("
                + SYNC_PAYLOAD_BYTES
                + " bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}";
    }

    private static RequestTooLargeException tooLarge(String message) {
        return AwsFaults.LAMBDA.fault(RequestTooLargeException.builder(), 413, message);
    }
}
