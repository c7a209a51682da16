package fanout.console.aws;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS read that either answered or failed, so callers outside {@code aws/} decide what a failure
 * means without catching SDK exceptions. Anything that is not an AWS failure (a bug, a usage error)
 * still propagates.
 */
public sealed interface AwsResult<T> permits AwsResult.Done, AwsResult.Failed {

    /** Runs {@code call}, keeping an SDK failure as a value. */
    static <T> AwsResult<T> of(Supplier<T> call) {
        try {
            return new Done<>(call.get());
        } catch (SdkException e) {
            return new Failed<>(AwsFailure.of(e));
        }
    }

    /** The answer, or {@code fallback} when the call failed. */
    default T orElse(T fallback) {
        return this instanceof Done<T> done ? done.value() : fallback;
    }

    record Done<T>(T value) implements AwsResult<T> {}

    record Failed<T>(AwsFailure failure) implements AwsResult<T> {
        public Failed {
            Objects.requireNonNull(failure, "a failed result says why");
        }
    }
}
