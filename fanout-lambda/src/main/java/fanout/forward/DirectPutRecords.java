package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One destination's PutRecords without the SDK's per-call pipeline: the body spliced from entries
 * encoded once per batch ({@link PutRecordsBodies}), signed with the destination's credentials and
 * sent by its region's {@link DirectKinesisEndpoint}. Timed as the SDK client is: the whole call
 * (credentials included) within {@code callTimeout}, the attempt within the endpoint's timeout. A
 * call refused as expired is made once more with the role assumed again, as {@link
 * RoleKinesisClient} does.
 */
final class DirectPutRecords implements PutRecordsCall {
    private final DirectKinesisEndpoint endpoint;
    private final PutRecordsBodies bodies;
    private final AwsCredentialsProvider credentials;
    private final AssumedRoleCredentials assumed;
    private final Clock clock;
    private final Duration callTimeout;

    /**
     * @param assumed told when a call was refused as expired; null for the function's own
     *     credentials, which the SDK's provider refreshes itself
     */
    DirectPutRecords(
            DirectKinesisEndpoint endpoint,
            PutRecordsBodies bodies,
            AwsCredentialsProvider credentials,
            AssumedRoleCredentials assumed,
            Clock clock,
            Duration callTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is required");
        this.bodies = Objects.requireNonNull(bodies, "bodies is required");
        this.credentials = Objects.requireNonNull(credentials, "credentials is required");
        this.assumed = assumed;
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout is required");
    }

    @Override
    public List<EntryOutcome> put(String streamName, List<PreparedRecord> entries) {
        PutRecordsBody body = bodies.body(streamName, entries);
        if (assumed == null) {
            return once(body, entries);
        }
        return RoleKinesisClient.renewingOnExpiry(assumed, () -> once(body, entries));
    }

    private List<EntryOutcome> once(PutRecordsBody body, List<PreparedRecord> entries) {
        Instant start = clock.instant();
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        Duration left = callTimeout.minus(Duration.between(start, clock.instant()));
        if (left.isNegative() || left.isZero()) {
            throw ApiCallTimeoutException.create(callTimeout.toMillis());
        }
        return endpoint.send(body, entries, identity, left);
    }
}
