package fanout.forward;

import java.util.Objects;
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
 * checks make are offered; the others fail as unsupported, as the interface's defaults do.
 */
final class RoleKinesisClient implements KinesisClient {
    private final KinesisClient shared;
    private final AwsCredentialsProvider credentials;

    /** Built once: every call of a batch (one per destination) would otherwise build its own. */
    private final AwsRequestOverrideConfiguration override;

    RoleKinesisClient(KinesisClient shared, AwsCredentialsProvider credentials) {
        this.shared = Objects.requireNonNull(shared, "shared is required");
        this.credentials = Objects.requireNonNull(credentials, "credentials is required");
        this.override =
                AwsRequestOverrideConfiguration.builder().credentialsProvider(credentials).build();
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        return shared.putRecords(
                request.toBuilder().overrideConfiguration(withCredentials(request)).build());
    }

    @Override
    public PutRecordResponse putRecord(PutRecordRequest request) {
        return shared.putRecord(
                request.toBuilder().overrideConfiguration(withCredentials(request)).build());
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(
            DescribeStreamSummaryRequest request) {
        return shared.describeStreamSummary(
                request.toBuilder().overrideConfiguration(withCredentials(request)).build());
    }

    private AwsRequestOverrideConfiguration withCredentials(KinesisRequest request) {
        return request.overrideConfiguration()
                .map(o -> o.toBuilder().credentialsProvider(credentials).build())
                .orElse(override);
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
