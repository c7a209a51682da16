package fanout.console.aws.memory;

import software.amazon.awssdk.core.SdkClient;

/**
 * What every in-memory client shares: it answers to its service's name, as the SDK's clients do,
 * and has nothing to release on close (its data lives as long as the session or the sandbox).
 */
abstract class InMemoryClient implements SdkClient {
    private final String serviceName;

    InMemoryClient(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public final String serviceName() {
        return serviceName;
    }

    @Override
    public void close() {
        // Nothing to release: the data lives as long as the session or the sandbox.
    }
}
