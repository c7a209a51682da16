package fanout.console.aws.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.aws.policy.AccessRequest;
import fanout.console.aws.policy.PolicyEvaluator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A role's trust policy as IAM keeps it: a role named as principal is bound to that role's unique
 * id when the policy is saved, so a role deleted and re-created under the same name is a different
 * principal (and the policy shows the old unique id in place of the ARN, as AWS does).
 */
final class TrustPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String document;
    private final Map<String, String> boundRoles;

    private TrustPolicy(String document, Map<String, String> boundRoles) {
        this.document = document;
        this.boundRoles = Map.copyOf(boundRoles);
    }

    /**
     * Parses and binds a trust policy; MalformedPolicyDocument when it is not JSON or names a role
     * of this account that does not exist.
     *
     * @param roleIds the unique id of a role of this account, by ARN
     */
    static TrustPolicy bind(
            String document, String account, Function<String, Optional<String>> roleIds) {
        IamLimits.requireDocument(document);
        IamLimits.requireTrustSize(document);
        Map<String, String> bound = new java.util.HashMap<>();
        for (JsonNode statement : statements(document)) {
            for (String principal : awsPrincipals(statement)) {
                if (principal.contains(":iam::" + account + ":role/")) {
                    String id =
                            roleIds.apply(principal)
                                    .orElseThrow(
                                            () ->
                                                    IamLimits.malformed(
                                                            "Invalid principal in policy: \"AWS\":\""
                                                                    + principal
                                                                    + "\""));
                    bound.put(principal, id);
                }
            }
        }
        return new TrustPolicy(document, bound);
    }

    /** The document as GetRole shows it: roles that no longer exist as bound appear by old id. */
    String shown(Function<String, Optional<String>> roleIds) {
        String shown = document;
        for (Map.Entry<String, String> entry : boundRoles.entrySet()) {
            if (!roleIds.apply(entry.getKey()).equals(Optional.of(entry.getValue()))) {
                shown = shown.replace("\"" + entry.getKey() + "\"", "\"" + entry.getValue() + "\"");
            }
        }
        return shown;
    }

    String document() {
        return document;
    }

    /**
     * True when this policy lets the caller assume the role.
     *
     * @param callerRoleId the unique id of the caller's role now, when the caller is a role session
     */
    boolean allows(
            String callerArn,
            Optional<String> callerRoleId,
            Optional<String> externalId,
            String roleArn) {
        ArrayNode matching = JSON.createArrayNode();
        for (JsonNode statement : statements(document)) {
            if (principalMatches(statement, callerArn, callerRoleId)) {
                ObjectNode copy = statement.deepCopy();
                copy.put("Resource", "*");
                matching.add(copy);
            }
        }
        ObjectNode policy = JSON.createObjectNode();
        policy.set("Statement", matching);
        Map<String, String> context =
                externalId.map(id -> Map.of("sts:ExternalId", id)).orElse(Map.of());
        return PolicyEvaluator.allows(
                List.of(policy.toString()), new AccessRequest("sts:AssumeRole", roleArn, context));
    }

    private boolean principalMatches(
            JsonNode statement, String callerArn, Optional<String> callerRoleId) {
        String account = callerArn.split(":")[4];
        JsonNode principal = statement.path("Principal");
        if (principal.isTextual() && principal.asText().equals("*")) {
            return true;
        }
        for (String named : awsPrincipals(statement)) {
            if (named.equals("*")
                    || named.equals(account)
                    || named.endsWith(":" + account + ":root")) {
                return true;
            }
            String bound = boundRoles.get(named);
            if (bound != null) {
                if (callerRoleId.isPresent() && callerRoleId.get().equals(bound)) {
                    return true;
                }
            } else if (named.equals(callerArn) || named.equals(sessionRole(callerArn))) {
                // A role of another account: not bound here, matched by ARN.
                return true;
            }
        }
        return false;
    }

    /** arn:aws:sts::ACCT:assumed-role/NAME/SESSION is a session of arn:aws:iam::ACCT:role/NAME. */
    static String sessionRole(String callerArn) {
        String[] parts = callerArn.split(":", 6);
        if (parts.length < 6 || !parts[5].startsWith("assumed-role/")) {
            return callerArn;
        }
        String name = parts[5].substring("assumed-role/".length()).split("/")[0];
        return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + name;
    }

    private static List<String> awsPrincipals(JsonNode statement) {
        JsonNode aws = statement.path("Principal").path("AWS");
        if (aws.isTextual()) {
            return List.of(aws.asText());
        }
        List<String> list = new java.util.ArrayList<>();
        aws.forEach(node -> list.add(node.asText()));
        return list;
    }

    private static List<JsonNode> statements(String document) {
        try {
            JsonNode statement = JSON.readTree(document).path("Statement");
            List<JsonNode> list = new java.util.ArrayList<>();
            if (statement.isArray()) {
                statement.forEach(list::add);
            } else if (statement.isObject()) {
                list.add(statement);
            }
            return list;
        } catch (IOException e) {
            throw IamLimits.malformed();
        }
    }
}
