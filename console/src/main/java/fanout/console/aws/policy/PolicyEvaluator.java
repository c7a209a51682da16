package fanout.console.aws.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.mapping.Arn;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates identity-based policies the way IAM does, for what our policies use: Allow and Deny
 * statements, Action/NotAction and Resource/NotResource with {@code *} and {@code ?} wildcards
 * (actions case-insensitive, resources case-sensitive), and the condition operators StringEquals,
 * StringNotEquals, StringLike, StringNotLike, ArnEquals and ArnLike. An explicit Deny wins; no
 * Allow means denied. An unknown operator never matches, so a statement that uses one grants
 * nothing (stricter than AWS, never more lenient).
 */
public final class PolicyEvaluator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyEvaluator() {}

    public static boolean allows(Collection<String> documents, AccessRequest request) {
        return evaluate(documents, request) == Decision.ALLOWED;
    }

    public static Decision evaluate(Collection<String> documents, AccessRequest request) {
        boolean allowed = false;
        for (String document : documents) {
            for (JsonNode statement : statements(document)) {
                if (!applies(statement, request)) {
                    continue;
                }
                String effect = statement.path("Effect").asText();
                if (effect.equals("Deny")) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed |= effect.equals("Allow");
            }
        }
        return allowed ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
    }

    private static boolean applies(JsonNode statement, AccessRequest request) {
        return matchesElement(statement, "Action", request.action(), false)
                && matchesElement(statement, "Resource", request.resource(), true)
                && conditionsHold(statement.path("Condition"), request.context());
    }

    private static boolean matchesElement(
            JsonNode statement, String element, String value, boolean caseSensitive) {
        if (statement.has(element)) {
            return matchesAny(statement.get(element), value, caseSensitive);
        }
        if (statement.has("Not" + element)) {
            return !matchesAny(statement.get("Not" + element), value, caseSensitive);
        }
        return false;
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, String> context) {
        if (condition.isMissingNode()) {
            return true;
        }
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                String actual = valueOf(context, key.getKey());
                if (!holds(operator.getKey(), actual, key.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Condition keys are case-insensitive in IAM. */
    private static String valueOf(Map<String, String> context, String key) {
        for (Map.Entry<String, String> entry : context.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean holds(String operator, String actual, JsonNode expected) {
        switch (operator) {
            case "StringEquals":
            case "ArnEquals":
                return actual != null && anyValue(expected, v -> v.equals(actual));
            case "StringNotEquals":
                return actual == null || !anyValue(expected, v -> v.equals(actual));
            case "StringLike":
            case "ArnLike":
                return actual != null && anyValue(expected, v -> matches(v, actual, true));
            case "StringNotLike":
                return actual == null || !anyValue(expected, v -> matches(v, actual, true));
            default:
                return false;
        }
    }

    private static boolean anyValue(
            JsonNode expected, java.util.function.Predicate<String> matches) {
        if (expected.isArray()) {
            for (JsonNode value : expected) {
                if (matches.test(value.asText())) {
                    return true;
                }
            }
            return false;
        }
        return matches.test(expected.asText());
    }

    /** The statements of a document as written or as IAM returns it (URL-encoded). */
    static List<JsonNode> statements(String document) {
        List<JsonNode> list = new ArrayList<>();
        String text = document.trim();
        if (text.startsWith("%")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        try {
            JsonNode statement = JSON.readTree(text).path("Statement");
            if (statement.isArray()) {
                statement.forEach(list::add);
            } else if (statement.isObject()) {
                list.add(statement);
            }
        } catch (IOException e) {
            // IAM refuses a malformed document when it is saved; here it simply grants nothing.
        }
        return list;
    }

    private static boolean matchesAny(JsonNode patterns, String value, boolean caseSensitive) {
        if (patterns.isTextual()) {
            return matches(patterns.asText(), value, caseSensitive);
        }
        for (JsonNode pattern : patterns) {
            if (matches(pattern.asText(), value, caseSensitive)) {
                return true;
            }
        }
        return false;
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one character. */
    public static boolean matches(String pattern, String value, boolean caseSensitive) {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE;
        return Arn.glob(pattern, flags | Pattern.DOTALL).matcher(value).matches();
    }
}
