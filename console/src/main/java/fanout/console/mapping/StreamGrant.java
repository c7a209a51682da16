package fanout.console.mapping;

import java.util.List;
import java.util.Objects;

/** Whether the fan-out function's own role may write a stream (a target without a role). */
public sealed interface StreamGrant {
    /** The role's policies allow every action the forwarder needs on the stream. */
    record Granted() implements StreamGrant {}

    /** The role's policies do not allow {@code actions} on the stream. */
    record Missing(String role, List<String> actions) implements StreamGrant {
        public Missing {
            Objects.requireNonNull(role, "role");
            actions = List.copyOf(actions);
        }
    }

    /** The policies could not be read (e.g. no iam:GetRolePolicy): nothing is known. */
    record Unknown(String reason) implements StreamGrant {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
