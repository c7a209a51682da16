package fanout.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.forward.Deadline;
import fanout.forward.DrainReport;
import fanout.forward.Forwarder;
import fanout.mapping.Mapping;
import fanout.mapping.TargetsTable;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Answers control invocations in the pinned format: {@code check}, {@code drain}, {@code skip},
 * {@code replay}. A request that cannot be understood gets an answer naming what is wrong ({@code
 * {"action": ..., "code": "BadRequest", "error": ...}}), never an exception.
 */
public final class ControlInvocations {
    public static final String ACTION = "action";
    public static final String CHECK = "check";
    public static final String DRAIN = "drain";
    public static final String SKIP = "skip";
    public static final String REPLAY = "replay";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String CANDIDATES = "candidates";
    public static final Set<String> ACTIONS = Set.of(CHECK, DRAIN, SKIP, REPLAY);

    // The requests' fields (built by ControlRequests).
    public static final String SOURCE_ARN = "sourceArn";
    public static final String IDS = "ids";
    public static final String ID = "id";
    public static final String TO = "to";
    public static final String SINCE = "since";
    public static final String LATEST = "latest";

    /** The check answer's field holding one {@link CheckResult} per checked target. */
    public static final String RESULTS = "results";

    private final TargetChecker checker;
    private final CursorControl cursors;
    private final Forwarder forwarder;
    private final ObjectMapper json;

    public ControlInvocations(
            TargetChecker checker, CursorControl cursors, Forwarder forwarder, ObjectMapper json) {
        this.checker = Objects.requireNonNull(checker, "checker is required");
        this.cursors = Objects.requireNonNull(cursors, "cursors is required");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder is required");
        // (the check-only constructor below leaves both null)
        this.json = Objects.requireNonNull(json, "json is required");
    }

    /** Only {@code check}: the other actions answer that they are not available here. */
    public ControlInvocations(TargetChecker checker, ObjectMapper json) {
        this.checker = Objects.requireNonNull(checker, "checker is required");
        this.cursors = null;
        this.forwarder = null;
        this.json = Objects.requireNonNull(json, "json is required");
    }

    public static boolean isControl(JsonNode root) {
        return root != null && root.isObject() && root.has(ACTION);
    }

    public ObjectNode handle(JsonNode root, Deadline deadline) {
        String action = root.path(ACTION).asText("");
        if (!ACTIONS.contains(action)) {
            return error(
                    action,
                    "unknown action '" + action + "': expected one of check, drain, skip, replay");
        }
        JsonNode source = root.get(SOURCE_ARN);
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            return error(action, "'sourceArn' is required: the source stream's ARN");
        }
        String sourceArn = source.asText();
        if (!CHECK.equals(action) && (cursors == null || forwarder == null)) {
            return error(action, "'" + action + "' is not available in this function");
        }
        switch (action) {
            case DRAIN:
                return drain(forwarder.drain(sourceArn, deadline));
            case SKIP:
            case REPLAY:
                try {
                    return move(action, sourceArn, root);
                } catch (CursorControl.NotRegisteredException e) {
                    ObjectNode answer = error(action, e.getMessage());
                    return answer.put("code", CheckResult.NOT_REGISTERED);
                }
            default:
                return check(sourceArn, root);
        }
    }

    private ObjectNode check(String sourceArn, JsonNode root) {
        JsonNode candidates = root.path(CANDIDATES);
        if (!candidates.isMissingNode() && !candidates.isNull()) {
            return checkCandidates(CHECK, sourceArn, candidates);
        }
        JsonNode ids = root.path(IDS);
        if (!ids.isMissingNode() && !ids.isNull() && !ids.isArray()) {
            return error(CHECK, "'ids' must be an array of mapping ids");
        }
        List<String> wanted = new ArrayList<>();
        ids.forEach(id -> wanted.add(id.asText()));
        ObjectNode answer = json.createObjectNode().put(ACTION, CHECK);
        ArrayNode results = answer.putArray(RESULTS);
        for (CheckResult result : checker.check(new CheckRequest(sourceArn, wanted))) {
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
        ArrayNode results = answer.putArray(RESULTS);
        checker.checkCandidates(rows).forEach(result -> results.add(json.valueToTree(result)));
        return answer;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private ObjectNode drain(DrainReport report) {
        ObjectNode answer = json.createObjectNode().put(ACTION, DRAIN);
        answer.put("sourceArn", report.sourceArn());
        ArrayNode shards = answer.putArray("shards");
        int behind = 0;
        for (DrainReport.Shard shard : report.shards()) {
            shards.addObject()
                    .put("shardId", shard.shardId())
                    .put("behindBefore", shard.behindBefore())
                    .put("behindAfter", shard.behindAfter());
            behind += shard.behindAfter();
        }
        answer.put("stillBehind", behind);
        return answer;
    }

    private ObjectNode move(String action, String sourceArn, JsonNode root) {
        JsonNode id = root.get(ID);
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return error(action, "'id' is required: the mapping id whose cursor moves");
        }
        List<CursorControl.Moved> moved;
        if (SKIP.equals(action)) {
            String to = root.path(TO).asText(LATEST);
            if (!LATEST.equals(to)) {
                return error(action, "'to' must be \"latest\", was \"" + to + "\"");
            }
            moved = cursors.skip(sourceArn, id.asText());
        } else {
            Instant since;
            try {
                since = Instant.parse(root.path(SINCE).asText(""));
            } catch (DateTimeException e) {
                return error(
                        action,
                        "'since' must be an ISO-8601 instant such as 2026-11-25T09:00:00Z, was '"
                                + root.path(SINCE).asText("")
                                + "'");
            }
            moved = cursors.replay(sourceArn, id.asText(), since);
            ObjectNode answer = moved(action, id.asText(), moved);
            return answer.put(SINCE, since.toString());
        }
        return moved(action, id.asText(), moved);
    }

    private ObjectNode moved(String action, String id, List<CursorControl.Moved> moved) {
        ObjectNode answer = json.createObjectNode().put(ACTION, action).put("id", id);
        ArrayNode shards = answer.putArray("shards");
        for (CursorControl.Moved m : moved) {
            shards.addObject()
                    .put("shardId", m.shardId())
                    .put("owedBefore", m.owedBefore())
                    .put("owedAfter", m.owedAfter());
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
