package fanout.forward;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The real destinations' clients: one Kinesis client per (region, role, external id) for the
 * container's life, sharing one pooled HTTP client; a student's role assumed through STS, its
 * credentials cached and refreshed well before they expire. The forwarder retries on its own,
 * within its time budget, so the clients do not.
 */
public final class StsKinesisClientFactory implements KinesisClientFactory {
    /** Refresh assumed credentials this long before they expire (sessions last an hour). */
    public static final Duration PREFETCH = Duration.ofMinutes(10);

    /** Credentials this close to expiry are never used. */
    public static final Duration STALE = Duration.ofMinutes(2);

    /** One PutRecords attempt; a hung connection must not eat the whole budget. */
    public static final Duration CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final SdkHttpClient http;
    private final AwsCredentialsProvider ownCredentials;
    private final StsClient sts;
    private final Map<Key, KinesisClient> clients = new ConcurrentHashMap<>();
    private final Map<AssumeRoleSpec, StsAssumeRoleCredentialsProvider> roles =
            new ConcurrentHashMap<>();

    /**
     * @param http shared by every client; closed with this factory
     * @param ownCredentials the function's own, for STS and for destinations without a role
     */
    public StsKinesisClientFactory(
            SdkHttpClient http, AwsCredentialsProvider ownCredentials, String functionRegion) {
        this.http = Objects.requireNonNull(http, "http is required");
        this.ownCredentials = Objects.requireNonNull(ownCredentials, "ownCredentials is required");
        this.sts =
                StsClient.builder()
                        .region(Region.of(functionRegion))
                        .httpClient(http)
                        .credentialsProvider(ownCredentials)
                        .build();
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        return clients.computeIfAbsent(new Key(region, role), this::build);
    }

    private KinesisClient build(Key key) {
        AwsCredentialsProvider credentials =
                key.role().<AwsCredentialsProvider>map(this::assumed).orElse(ownCredentials);
        return KinesisClient.builder()
                .region(Region.of(key.region()))
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(
                        o ->
                                o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                        .apiCallAttemptTimeout(CALL_ATTEMPT_TIMEOUT))
                .build();
    }

    private StsAssumeRoleCredentialsProvider assumed(AssumeRoleSpec spec) {
        return roles.computeIfAbsent(
                spec,
                s ->
                        StsAssumeRoleCredentialsProvider.builder()
                                .stsClient(sts)
                                .refreshRequest(request(s))
                                .prefetchTime(PREFETCH)
                                .staleTime(STALE)
                                // A frozen container cannot refresh in the background anyway.
                                .asyncCredentialUpdateEnabled(false)
                                .build());
    }

    static AssumeRoleRequest request(AssumeRoleSpec spec) {
        AssumeRoleRequest.Builder request =
                AssumeRoleRequest.builder()
                        .roleArn(spec.roleArn())
                        .roleSessionName(SessionNames.sanitize(spec.sessionName()));
        spec.externalId().ifPresent(request::externalId);
        return request.build();
    }

    @Override
    public void close() {
        clients.values().forEach(KinesisClient::close);
        roles.values().forEach(StsAssumeRoleCredentialsProvider::close);
        sts.close();
        http.close();
    }

    private record Key(String region, Optional<AssumeRoleSpec> role) {}
}
