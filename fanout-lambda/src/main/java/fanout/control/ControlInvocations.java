package fanout.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.mapping.Mapping;
import fanout.mapping.TargetsTable;
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
    public static final String CANDIDATES = "candidates";

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
        JsonNode candidates = root.path(CANDIDATES);
        if (!candidates.isMissingNode() && !candidates.isNull()) {
            return checkCandidates(action, source.asText(), candidates);
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

    /**
     * {@code "candidates": [{"id", "destination", "role", "externalId", "region"}]}: rows checked
     * as given, without reading the table (self-registration checks before it writes).
     */
    private ObjectNode checkCandidates(String action, String sourceArn, JsonNode candidates) {
        if (!candidates.isArray()) {
            return error(action, "'candidates' must be an array of mappings");
        }
        List<Mapping> rows = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            String id = text(candidate, TargetsTable.ID);
            if (id == null) {
                return error(action, "every candidate needs an 'id'");
            }
            rows.add(
                    Mapping.kinesis(sourceArn, id, text(candidate, TargetsTable.DESTINATION))
                            .withRole(
                                    text(candidate, TargetsTable.ROLE),
                                    text(candidate, TargetsTable.EXTERNAL_ID))
                            .withRegion(text(candidate, TargetsTable.REGION)));
        }
        ObjectNode answer = json.createObjectNode().put(ACTION, CHECK);
        ArrayNode results = answer.putArray("results");
        checker.checkCandidates(rows).forEach(result -> results.add(json.valueToTree(result)));
        return answer;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    public ObjectNode error(String action, String message) {
        ObjectNode answer = json.createObjectNode();
        answer.put(ACTION, action);
        answer.put("code", BAD_REQUEST);
        answer.put("error", message);
        return answer;
    }
}
