package fanout.control;

import java.util.Objects;

/**
 * One target's check, in the pinned answer format.
 *
 * @param roleAssumed null when the mapping has no role (the function's own credentials) or the
 *     check did not get that far
 * @param streamFound null when the check did not get that far
 * @param code short reason when not ok (AccessDenied, ResourceNotFound, NotRegistered, ...)
 */
public record CheckResult(
        String id,
        boolean ok,
        Boolean roleAssumed,
        Boolean streamFound,
        String streamStatus,
        String code,
        String error) {
    public static final String NOT_REGISTERED = "NotRegistered";
    public static final String STREAM_NOT_ACTIVE = "StreamNotActive";

    public CheckResult {
        Objects.requireNonNull(id, "id is required");
        if (!ok && (code == null || error == null)) {
            throw new IllegalArgumentException("a failed check needs a code and an error");
        }
    }

    static CheckResult failed(
            String id, Boolean roleAssumed, Boolean streamFound, String code, String error) {
        return new CheckResult(id, false, roleAssumed, streamFound, null, code, error);
    }
}
