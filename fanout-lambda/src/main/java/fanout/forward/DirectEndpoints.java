package fanout.forward;

import java.net.URI;
import software.amazon.awssdk.core.SdkClient;

/** What both direct requests take from the SDK's client for their service and region. */
final class DirectEndpoints {
    private DirectEndpoints() {}

    /**
     * The client's endpoint override ({@code aws.endpointUrl}, the sandbox's or the loopback's), as
     * endpoint rules take it; null when it has none.
     */
    static String override(SdkClient client) {
        return client.serviceClientConfiguration()
                .endpointOverride()
                .map(URI::toString)
                .orElse(null);
    }

    /** The path requests to {@code endpoint} are sent to: its own, else "/". */
    static String path(URI endpoint) {
        String raw = endpoint.getRawPath();
        return raw == null || raw.isEmpty() ? "/" : raw;
    }
}
