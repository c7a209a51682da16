package fanout.selfreg;

import fanout.control.CheckResult;
import fanout.mapping.Mapping;

/**
 * Checks a candidate row the way the forwarder will reach it (assume the role, describe the
 * stream). Only the fan-out function's role is trusted by students' roles, so on AWS this asks that
 * function ({@link LambdaTargetCheck}).
 */
public interface TargetCheck {
    /**
     * @throws CheckUnavailable when the check could not be run at all (no answer, not deployed)
     */
    CheckResult check(String sourceArn, Mapping candidate);

    /** The check could not be run; the message says why and what the leader should do. */
    final class CheckUnavailable extends RuntimeException {
        public CheckUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
