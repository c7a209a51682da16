package fanout.forward;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisServiceClientConfiguration;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * One student's view of the region's shared Kinesis client: every call carries the student's
 * assumed-role credentials as a per-request override. A whole client per student would cost its own
 * pipeline, timers and threads; this costs one small object. Only the calls the forwarder and the
 * checks make are offered; the others fail as unsupported, as the interface's defaults do. A call
 * refused because the session expired (a container frozen past the credentials' hour whose clock
 * AWS does not share) is made once more with the role assumed again, within the same invocation.
 */
final class RoleKinesisClient implements KinesisClient {
    private final KinesisClient shared;
    private final AwsCredentialsProvider credentials;
    private final AssumedRoleCredentials assumed;

    /** Built once: every call of a batch (one per destination) would otherwise build its own. */
    private final AwsRequestOverrideConfiguration override;

    /**
     * @param credentials what each call carries ({@code assumed}, possibly behind a failure hold)
     * @param assumed told when a call was refused as expired
     */
    RoleKinesisClient(
            KinesisClient shared,
            AwsCredentialsProvider credentials,
            AssumedRoleCredentials assumed) {
        this.shared = Objects.requireNonNull(shared, "shared is required");
        this.credentials = Objects.requireNonNull(credentials, "credentials is required");
        this.assumed = Objects.requireNonNull(assumed, "assumed is required");
        this.override =
                AwsRequestOverrideConfiguration.builder().credentialsProvider(credentials).build();
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        return renewingOnExpiry(() -> shared.putRecords(carrying(request)));
    }

    @Override
    public PutRecordResponse putRecord(PutRecordRequest request) {
        return renewingOnExpiry(() -> shared.putRecord(carrying(request)));
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(
            DescribeStreamSummaryRequest request) {
        return renewingOnExpiry(() -> shared.describeStreamSummary(carrying(request)));
    }

    private <T> T renewingOnExpiry(Supplier<T> call) {
        return renewingOnExpiry(assumed, call);
    }

    /** Once more with fresh credentials if the first answer was that the session expired. */
    static <T> T renewingOnExpiry(AssumedRoleCredentials assumed, Supplier<T> call) {
        long generation = assumed.generation();
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!AwsFailures.expiredSession(e)) {
                throw e;
            }
            assumed.expired(generation);
            return call.get();
        }
    }

    /** The request with the student's credentials (its other overrides kept). */
    @SuppressWarnings("unchecked") // toBuilder().build() answers the request's own type
    private <R extends KinesisRequest> R carrying(R request) {
        AwsRequestOverrideConfiguration withCredentials =
                request.overrideConfiguration()
                        .map(o -> o.toBuilder().credentialsProvider(credentials).build())
                        .orElse(override);
        return (R) request.toBuilder().overrideConfiguration(withCredentials).build();
    }

    @Override
    public KinesisServiceClientConfiguration serviceClientConfiguration() {
        return shared.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** The shared client belongs to the factory. */
    @Override
    public void close() {}
}
