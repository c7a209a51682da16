package fanout.forward;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A test factory's destinations with their PutRecords on the direct path to one endpoint
 * (kinesalite), with one set of credentials; everything else (and every role asked) goes to the
 * wrapped factory, so tests that count the roles asked see them as before.
 */
public final class DirectKinesisFactory implements KinesisClientFactory, DirectPutRecordsSource {
    private final KinesisClientFactory sdk;
    private final SdkHttpClient http;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final ScheduledExecutorService timers;
    private final PutRecordsBodies bodies = new PutRecordsBodies();

    public DirectKinesisFactory(
            KinesisClientFactory sdk,
            SdkHttpClient http,
            URI endpoint,
            AwsCredentialsProvider credentials,
            ScheduledExecutorService timers) {
        this.sdk = Objects.requireNonNull(sdk, "sdk is required");
        this.http = Objects.requireNonNull(http, "http is required");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is required");
        this.credentials = Objects.requireNonNull(credentials, "credentials is required");
        this.timers = Objects.requireNonNull(timers, "timers is required");
    }

    /** Direct unless {@code -Dfanout.putRecords=sdk} (or the forwarder's variable) says sdk. */
    public static boolean selected() {
        String value = System.getProperty("fanout.putRecords", System.getenv("FANOUT_PUT_RECORDS"));
        return PutRecordsPath.parse(value, "fanout.putRecords") == PutRecordsPath.DIRECT;
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        return sdk.forDestination(region, role);
    }

    @Override
    public Optional<PutRecordsCall> directPutRecords(String region, Optional<AssumeRoleSpec> role) {
        sdk.forDestination(region, role);
        Clock clock = Clock.systemUTC();
        return Optional.of(
                new DirectPutRecords(
                        new DirectKinesisEndpoint(
                                http,
                                endpoint,
                                region,
                                timers,
                                clock,
                                StsKinesisClientFactory.CALL_ATTEMPT_TIMEOUT),
                        bodies,
                        credentials,
                        null,
                        clock,
                        StsKinesisClientFactory.CALL_TIMEOUT));
    }

    @Override
    public void close() {
        sdk.close();
    }
}
