package fanout.console.aws;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads whose "not found" answer means the resource is absent, not that the call failed: deploy,
 * destroy and the handout ask whether a function or table exists before they act on it.
 */
public final class NotFound {
    private NotFound() {}

    /**
     * What {@code read} returns, or empty when Lambda or DynamoDB answers ResourceNotFound; any
     * other failure propagates.
     */
    public static <T> Optional<T> asEmpty(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException
                | software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
