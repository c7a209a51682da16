package fanout.forward;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.endpoints.KinesisEndpointParams;
import software.amazon.awssdk.services.kinesis.endpoints.KinesisEndpointProvider;

/**
 * The Kinesis endpoint rules, evaluated once per distinct set of parameters. The SDK evaluates them
 * for every call (300 a batch for a 300-student class) although PutRecords by stream name gets the
 * same answer for a region every time. Failures are not kept: the next call evaluates again.
 */
final class CachedKinesisEndpoints implements KinesisEndpointProvider {
    /**
     * Parameters naming a stream ARN differ per stream: a class's streams fit with room to spare.
     */
    static final int MAX_ENTRIES = 4096;

    private final KinesisEndpointProvider rules;
    private final Map<Key, Endpoint> resolved = new ConcurrentHashMap<>();

    CachedKinesisEndpoints(KinesisEndpointProvider rules) {
        this.rules = Objects.requireNonNull(rules, "rules is required");
    }

    @Override
    public CompletableFuture<Endpoint> resolveEndpoint(KinesisEndpointParams params) {
        Key key = Key.of(params);
        Endpoint known = resolved.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Endpoint> answer = rules.resolveEndpoint(params);
        if (answer.isDone()
                && !answer.isCompletedExceptionally()
                && resolved.size() < MAX_ENTRIES) {
            resolved.put(key, answer.join());
        }
        return answer;
    }

    /** Every parameter the rules read (the SDK's params class has no equals). */
    private record Key(
            Region region,
            Boolean dualStack,
            Boolean fips,
            String endpoint,
            String streamArn,
            String operationType,
            String consumerArn,
            String resourceArn) {
        static Key of(KinesisEndpointParams p) {
            return new Key(
                    p.region(),
                    p.useDualStack(),
                    p.useFips(),
                    p.endpoint(),
                    p.streamArn(),
                    p.operationType(),
                    p.consumerArn(),
                    p.resourceArn());
        }
    }
}
