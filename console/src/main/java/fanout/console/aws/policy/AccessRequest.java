package fanout.console.aws.policy;

import java.util.Map;
import java.util.Objects;

/**
 * One thing a caller asks IAM for: an action (e.g. {@code dynamodb:BatchWriteItem}) on a resource
 * ARN ({@code *} for actions without resource-level permissions), with the request's condition keys
 * (e.g. {@code cloudwatch:namespace}).
 */
public record AccessRequest(String action, String resource, Map<String, String> context) {
    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        if (!action.contains(":")) {
            throw new IllegalArgumentException("an action is service:Name, got " + action);
        }
        context = Map.copyOf(context);
    }

    public AccessRequest(String action, String resource) {
        this(action, resource, Map.of());
    }
}
