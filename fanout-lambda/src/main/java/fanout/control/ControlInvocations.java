package fanout.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Answers control invocations in the pinned format. A request that cannot be understood gets an
 * answer naming what is wrong ({@code {"action": ..., "code": "BadRequest", "error": ...}}), never
 * an exception.
 */
public final class ControlInvocations {
    public static final String ACTION = "action";
    public static final String CHECK = "check";
    public static final String BAD_REQUEST = "BadRequest";

    private final TargetChecker checker;
    private final ObjectMapper json;

    public ControlInvocations(TargetChecker checker, ObjectMapper json) {
        this.checker = Objects.requireNonNull(checker, "checker is required");
        this.json = Objects.requireNonNull(json, "json is required");
    }

    public static boolean isControl(JsonNode root) {
        return root != null && root.isObject() && root.has(ACTION);
    }

    public ObjectNode handle(JsonNode root) {
        String action = root.path(ACTION).asText("");
        if (!CHECK.equals(action)) {
            return error(action, "unknown action '" + action + "': expected 'check'");
        }
        JsonNode source = root.get("sourceArn");
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            return error(action, "'sourceArn' is required: the source stream's ARN");
        }
        JsonNode ids = root.path("ids");
        if (!ids.isMissingNode() && !ids.isNull() && !ids.isArray()) {
            return error(action, "'ids' must be an array of mapping ids");
        }
        List<String> wanted = new ArrayList<>();
        ids.forEach(id -> wanted.add(id.asText()));
        ObjectNode answer = json.createObjectNode().put(ACTION, CHECK);
        ArrayNode results = answer.putArray("results");
        for (CheckResult result : checker.check(new CheckRequest(source.asText(), wanted))) {
            results.add(json.valueToTree(result));
        }
        return answer;
    }

    public ObjectNode error(String action, String message) {
        ObjectNode answer = json.createObjectNode();
        answer.put(ACTION, action);
        answer.put("code", BAD_REQUEST);
        answer.put("error", message);
        return answer;
    }
}
