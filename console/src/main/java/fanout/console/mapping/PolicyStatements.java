package fanout.console.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.mapping.Arn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether identity policies allow an action on a resource, as IAM decides it for the cases our
 * checks meet: an explicit Deny wins, else any Allow whose Action and Resource match (with {@code
 * *} and {@code ?}). NotAction and NotResource statements are not counted as grants (a check must
 * never claim a grant IAM would not give).
 */
final class PolicyStatements {
    private PolicyStatements() {}

    static boolean allows(Collection<JsonNode> documents, String action, String resource) {
        boolean allowed = false;
        for (JsonNode document : documents) {
            for (JsonNode statement : statements(document)) {
                if (!matches(statement, action, resource)) {
                    continue;
                }
                if ("Deny".equals(statement.path("Effect").asText())) {
                    return false;
                }
                allowed |= "Allow".equals(statement.path("Effect").asText());
            }
        }
        return allowed;
    }

    private static boolean matches(JsonNode statement, String action, String resource) {
        if (statement.has("NotAction") || statement.has("NotResource")) {
            return false;
        }
        boolean actionMatches =
                values(statement.path("Action")).stream()
                        .anyMatch(
                                pattern ->
                                        Arn.matches(
                                                pattern.toLowerCase(Locale.ROOT),
                                                action.toLowerCase(Locale.ROOT)));
        return actionMatches
                && values(statement.path("Resource")).stream()
                        .anyMatch(pattern -> Arn.matches(pattern, resource));
    }

    private static List<JsonNode> statements(JsonNode document) {
        JsonNode statement = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(list::add);
        } else if (statement.isObject()) {
            list.add(statement);
        }
        return list;
    }

    private static List<String> values(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> list.add(value.asText()));
        } else if (node.isTextual()) {
            list.add(node.asText());
        }
        return list;
    }
}
