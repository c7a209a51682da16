package fanout.loopback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An answer: status, content type, body, and how long to hold it back beyond the sink's latency (a
 * hanging service).
 */
record WireResponse(
        int status, String contentType, byte[] body, Duration delay, Map<String, String> headers) {
    static final String JSON_11 = "application/x-amz-json-1.1";
    static final String JSON_10 = "application/x-amz-json-1.0";
    static final String XML = "text/xml";

    WireResponse {
        Objects.requireNonNull(contentType, "contentType is required");
        Objects.requireNonNull(body, "body is required");
        Objects.requireNonNull(delay, "delay is required");
        headers = Map.copyOf(headers);
    }

    static WireResponse of(int status, String contentType, String body) {
        return new WireResponse(
                status,
                contentType,
                body.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO,
                Map.of());
    }

    /** A JSON-protocol error as AWS answers it: the type in {@code __type}. */
    static WireResponse jsonError(int status, String contentType, String type, String message) {
        String body =
                "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
        return new WireResponse(
                status,
                contentType,
                body.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO,
                Map.of("x-amzn-ErrorType", type));
    }

    /** A Query-protocol error as STS and CloudWatch answer it. */
    static WireResponse queryError(int status, String code, String message) {
        return of(
                status,
                XML,
                "<ErrorResponse><Error><Type>"
                        + (status < 500 ? "Sender" : "Receiver")
                        + "</Type><Code>"
                        + code
                        + "</Code><Message>"
                        + message
                        + "</Message></Error><RequestId>loopback</RequestId></ErrorResponse>");
    }

    WireResponse delayed(Duration by) {
        return new WireResponse(status, contentType, body, by, headers);
    }
}
