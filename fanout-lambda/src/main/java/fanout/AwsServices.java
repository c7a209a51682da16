package fanout;

import fanout.forward.StsKinesisClientFactory;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real clients, built once per container: one pooled, keep-alive HTTP client shared by
 * DynamoDB, CloudWatch, STS and every destination's Kinesis client.
 */
final class AwsServices {
    /** Destinations served at once, plus STS, DynamoDB and CloudWatch calls. */
    static final int EXTRA_CONNECTIONS = 16;

    static final Duration CONNECTION_IDLE = Duration.ofSeconds(50);

    private AwsServices() {}

    static ForwarderServices create(ForwarderConfig config) {
        SdkHttpClient http =
                ApacheHttpClient.builder()
                        .maxConnections(config.maxConcurrency() + EXTRA_CONNECTIONS)
                        .tcpKeepAlive(true)
                        .connectionMaxIdleTime(CONNECTION_IDLE)
                        .build();
        DefaultCredentialsProvider own = DefaultCredentialsProvider.builder().build();
        Region region = Region.of(config.region());
        return new ForwarderServices(
                DynamoDbClient.builder()
                        .region(region)
                        .httpClient(http)
                        .credentialsProvider(own)
                        .build(),
                CloudWatchClient.builder()
                        .region(region)
                        .httpClient(http)
                        .credentialsProvider(own)
                        .build(),
                new StsKinesisClientFactory(http, own, config.region()),
                Clock.systemUTC());
    }
}
