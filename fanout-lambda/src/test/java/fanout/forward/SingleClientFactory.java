package fanout.forward;

import java.util.Optional;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Hands out one client for every region and role. */
public final class SingleClientFactory implements KinesisClientFactory {
    private final KinesisClient client;

    public SingleClientFactory(KinesisClient client) {
        this.client = client;
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        return client;
    }

    @Override
    public void close() {}
}
