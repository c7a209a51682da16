package fanout.console.aws.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evaluates identity policies the way IAM does for the cases the fakes need: Allow statements with
 * Action/Resource strings or lists and {@code *}/{@code ?} wildcards; an explicit Deny wins.
 * Conditions are not evaluated (a statement with a condition never allows here).
 */
final class PolicyGrants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyGrants() {}

    static boolean allows(Collection<String> documents, String action, String resource) {
        boolean allowed = false;
        for (String document : documents) {
            for (JsonNode statement : statements(document)) {
                if (!matchesAny(statement.path("Action"), action)
                        || !matchesAny(statement.path("Resource"), resource)) {
                    continue;
                }
                String effect = statement.path("Effect").asText();
                if (effect.equals("Deny")) {
                    return false;
                }
                if (effect.equals("Allow") && statement.path("Condition").isMissingNode()) {
                    allowed = true;
                }
            }
        }
        return allowed;
    }

    private static List<JsonNode> statements(String document) {
        List<JsonNode> list = new ArrayList<>();
        try {
            JsonNode statement = JSON.readTree(document).path("Statement");
            if (statement.isArray()) {
                statement.forEach(list::add);
            } else if (statement.isObject()) {
                list.add(statement);
            }
        } catch (IOException e) {
            // IAM would have refused a malformed document; here it simply grants nothing.
        }
        return list;
    }

    private static boolean matchesAny(JsonNode patterns, String value) {
        if (patterns.isTextual()) {
            return matches(patterns.asText(), value);
        }
        for (JsonNode pattern : patterns) {
            if (matches(pattern.asText(), value)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }
}
