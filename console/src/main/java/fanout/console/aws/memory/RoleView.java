package fanout.console.aws.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A role of {@link InMemoryIam} as the other fakes see it (by name or ARN), at one moment.
 *
 * @param policies its identity policies: inline and attached managed documents
 * @param generation increases on every change of the role or its policies, so a fake can model
 *     propagation delays per change
 */
public record RoleView(
        String name,
        String arn,
        String roleId,
        Instant createdAt,
        String trustPolicy,
        Map<String, String> inlinePolicies,
        List<String> policies,
        long generation) {
    public RoleView {
        inlinePolicies = Map.copyOf(inlinePolicies);
        policies = List.copyOf(policies);
    }
}
