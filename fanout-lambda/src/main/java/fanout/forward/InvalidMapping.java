package fanout.forward;

import java.util.Objects;

/** A mapping row that cannot be delivered to as it is, and why. */
public record InvalidMapping(String targetId, Problem problem) {
    public static final String INVALID = "InvalidMapping";
    public static final String UNSUPPORTED_TYPE = "UnsupportedType";

    public InvalidMapping {
        Objects.requireNonNull(targetId, "targetId is required");
        Objects.requireNonNull(problem, "problem is required");
    }
}
