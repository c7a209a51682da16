package fanout.forward;

import java.util.Optional;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Kinesis clients for destinations, one per (region, role), built once per container and reused.
 * The real one assumes roles through STS with cached, early-refreshed credentials; the sandbox's
 * simulates students' accounts. Failures to assume the role surface when the client is used, as the
 * SDK's exceptions.
 */
public interface KinesisClientFactory extends AutoCloseable {
    KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role);

    @Override
    void close();
}
