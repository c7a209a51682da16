package fanout.console.aws;

import java.util.Objects;

/** A failed AWS call as a value: the error code, a one-line reason and how to fix it (or empty). */
public record AwsFailure(String code, String reason, String hint) {

    public AwsFailure {
        Objects.requireNonNull(code, "a failure has an error code");
        Objects.requireNonNull(reason, "a failure has a reason");
        Objects.requireNonNull(hint, "a failure's hint is empty, never null");
    }

    static AwsFailure of(Throwable error) {
        return new AwsFailure(
                AwsErrors.code(error), AwsErrors.reason(error), AwsErrors.hint(error));
    }
}
