package fanout.bench;

import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import java.time.Duration;
import java.util.Map;
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
 * The reference: the client layer as it was before issue 10 (one KinesisClient per region and role,
 * each with its own attempt-timeout executor), kept here only so the benchmark can measure the
 * shared-client layer against it in the same run.
 */
final class PerRoleClientFactory implements KinesisClientFactory {
    private final SdkHttpClient http;
    private final AwsCredentialsProvider own;
    private final StsClient sts;
    private final Map<String, KinesisClient> clients = new ConcurrentHashMap<>();

    PerRoleClientFactory(SdkHttpClient http, AwsCredentialsProvider own, String region) {
        this.http = http;
        this.own = own;
        this.sts =
                StsClient.builder()
                        .region(Region.of(region))
                        .httpClient(http)
                        .credentialsProvider(own)
                        .build();
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        return clients.computeIfAbsent(
                region + "|" + role.map(AssumeRoleSpec::roleArn).orElse(""),
                key -> build(region, role));
    }

    private KinesisClient build(String region, Optional<AssumeRoleSpec> role) {
        AwsCredentialsProvider credentials =
                role.<AwsCredentialsProvider>map(
                                spec ->
                                        StsAssumeRoleCredentialsProvider.builder()
                                                .stsClient(sts)
                                                .refreshRequest(
                                                        AssumeRoleRequest.builder()
                                                                .roleArn(spec.roleArn())
                                                                .roleSessionName("fanout")
                                                                .build())
                                                .asyncCredentialUpdateEnabled(false)
                                                .build())
                        .orElse(own);
        return KinesisClient.builder()
                .region(Region.of(region))
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(
                        o ->
                                o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                        .apiCallAttemptTimeout(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public void close() {
        clients.values().forEach(KinesisClient::close);
        sts.close();
    }
}
