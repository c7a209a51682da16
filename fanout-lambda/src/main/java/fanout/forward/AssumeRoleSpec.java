package fanout.forward;

import java.util.Objects;
import java.util.Optional;

/**
 * The role a destination is written through: a student's role, assumed by the fan-out function's
 * role.
 *
 * @param sessionName names the mapping id, so the student's CloudTrail shows which target wrote
 */
public record AssumeRoleSpec(String roleArn, Optional<String> externalId, String sessionName) {
    public AssumeRoleSpec {
        Objects.requireNonNull(roleArn, "roleArn is required");
        Objects.requireNonNull(externalId, "externalId must be present or empty, not null");
        Objects.requireNonNull(sessionName, "sessionName is required");
    }
}
