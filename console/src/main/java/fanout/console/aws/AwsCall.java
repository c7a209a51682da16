package fanout.console.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call as a session made it: service and operation as AWS names them (e.g. {@code Sts}, {@code
 * GetCallerIdentity}), {@code ok} or the error code, and how long it took.
 */
public record AwsCall(Instant at, String service, String operation, String outcome, Duration took) {

    public static final String OK = "ok";

    public AwsCall {
        Objects.requireNonNull(at, "a call has a start time");
        Objects.requireNonNull(service, "a call names its service");
        Objects.requireNonNull(operation, "a call names its operation");
        Objects.requireNonNull(outcome, "a call has an outcome (ok or an error code)");
        Objects.requireNonNull(took, "a call has a duration");
    }

    public boolean ok() {
        return OK.equals(outcome);
    }
}
