package fanout.selfreg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Lambda function-URL events (API Gateway payload v2: {@code headers}, {@code body}, {@code
 * isBase64Encoded}) in, and the HTTP answer Lambda sends back ({@code statusCode}, {@code headers},
 * {@code body}) out.
 */
public final class FunctionUrlEvents {
    private FunctionUrlEvents() {}

    /** The parts of a request the handler reads; header names compared case-insensitively. */
    public record Request(Map<String, String> headers, String body) {
        public Request {
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            headers = copy;
            body = body == null ? "" : body;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An HTTP answer; {@code body} empty for 401, so nothing is said to an unverified caller. */
    public record Reply(int status, String contentType, String outcome, String body) {
        /** Names the outcome's kind for machines (Slack ignores it; the simulator reads it). */
        public static final String OUTCOME_HEADER = "X-Fanout-Outcome";

        public static final Reply UNAUTHORIZED = new Reply(401, null, null, "");

        public Reply {
            Objects.requireNonNull(body, "body is required");
        }

        /** An ephemeral Slack message (only the student sees it). */
        static Reply slack(Outcome outcome) {
            ObjectNode message = new ObjectMapper().createObjectNode();
            message.put("response_type", "ephemeral");
            message.put("text", outcome.text());
            return new Reply(200, "application/json", outcome.kind().word(), message.toString());
        }
    }

    public static Request read(JsonNode event) {
        if (event == null || !event.isObject()) {
            return new Request(Map.of(), "");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        event.path("headers")
                .fields()
                .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String body = event.path("body").asText("");
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                body = "";
            }
        }
        return new Request(headers, body);
    }

    /** The event Lambda would build for an HTTP POST (the sandbox serves the endpoint this way). */
    public static ObjectNode event(ObjectMapper json, Map<String, String> headers, byte[] body) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("rawPath", "/");
        ObjectNode names = event.putObject("headers");
        headers.forEach((name, value) -> names.put(name.toLowerCase(Locale.ROOT), value));
        event.putObject("requestContext").putObject("http").put("method", "POST");
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        return event;
    }

    public static ObjectNode answer(ObjectMapper json, Reply reply) {
        ObjectNode answer = json.createObjectNode();
        answer.put("statusCode", reply.status());
        if (reply.contentType() != null) {
            ObjectNode headers = answer.putObject("headers");
            headers.put("Content-Type", reply.contentType());
            headers.put(Reply.OUTCOME_HEADER, reply.outcome());
        }
        answer.put("body", reply.body());
        return answer;
    }
}
