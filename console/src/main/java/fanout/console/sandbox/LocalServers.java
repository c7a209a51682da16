package fanout.console.sandbox;

import fanout.localaws.LocalAws;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * dynalite and kinesalite (one node child) and the sandbox's clients of them: one HTTP pool, fixed
 * credentials, the sandbox's region; {@code kinesalite} holds every simulated account's streams
 * under their physical names. Closing it closes the clients, then stops the servers.
 */
record LocalServers(
        LocalAws servers, SdkHttpClient http, DynamoDbClient dynamo, KinesisClient kinesalite)
        implements AutoCloseable {
    private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(20);

    /**
     * @param home the fanout directory holding {@code node_modules} (empty: search from the working
     *     directory up)
     */
    static LocalServers start(Optional<Path> home) {
        LocalAws servers = home.map(LocalAws::start).orElseGet(LocalAws::start);
        SdkHttpClient http = ApacheHttpClient.builder().build();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox"));
        return new LocalServers(
                servers,
                http,
                client(DynamoDbClient.builder(), servers.dynamoEndpoint(), http, credentials),
                client(KinesisClient.builder(), servers.kinesisEndpoint(), http, credentials));
    }

    /** Waits for a new stream: kinesalite creates streams asynchronously. */
    static void awaitActive(KinesisClient kinesis, String stream, Clock clock) {
        Instant deadline = clock.instant().plus(STREAM_ACTIVE_TIMEOUT);
        while (clock.instant().isBefore(deadline)) {
            try {
                StreamStatus status =
                        kinesis.describeStreamSummary(r -> r.streamName(stream))
                                .streamDescriptionSummary()
                                .streamStatus();
                if (status == StreamStatus.ACTIVE) {
                    return;
                }
            } catch (SdkException e) {
                // Not there yet: kinesalite creates streams asynchronously.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating " + stream, e);
            }
        }
        throw new IllegalStateException(stream + " did not become ACTIVE in kinesalite");
    }

    @Override
    public void close() {
        kinesalite.close();
        dynamo.close();
        http.close();
        servers.close();
    }

    /** A client of one of the local servers, on the sandbox's HTTP pool and fixed credentials. */
    private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(
            B builder, URI endpoint, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(SandboxRuntime.REGION))
                .credentialsProvider(credentials)
                .httpClient(http)
                .build();
    }
}
