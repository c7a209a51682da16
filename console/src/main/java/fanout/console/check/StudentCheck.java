package fanout.console.check;

import java.util.Objects;

/**
 * One student's result of {@code roster check}.
 *
 * @param code the AWS error code (e.g. AccessDenied, ResourceNotFoundException) or NotRegistered
 * @param fix what the leader (or the student) should do, empty when ok
 */
public record StudentCheck(
        String id,
        boolean ok,
        boolean roleAssumed,
        boolean streamFound,
        String streamStatus,
        String code,
        String error,
        String fix) {

    public StudentCheck {
        Objects.requireNonNull(id, "id");
        fix = fix == null ? "" : fix;
    }
}
