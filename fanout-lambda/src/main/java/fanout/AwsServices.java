package fanout;

import fanout.forward.StsKinesisClientFactory;
import fanout.time.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real clients, built once per container: one pooled, keep-alive HTTP client and one timer
 * executor shared by DynamoDB, CloudWatch, STS and every destination's Kinesis client, so neither
 * connections nor threads grow with the class. Every client has a call timeout, so no call can
 * outlive an invocation's margin by much.
 */
public final class AwsServices {
    /** Destinations served at once, plus STS, DynamoDB and CloudWatch calls. */
    static final int EXTRA_CONNECTIONS = 16;

    static final Duration CONNECTION_IDLE = Duration.ofSeconds(50);

    /** The SDK's attempt and call timeouts fire on these; they only schedule, never block. */
    static final int TIMER_THREADS = 2;

    /** State reads and writes, retries included. */
    static final Duration DYNAMO_CALL_TIMEOUT = Duration.ofSeconds(5);

    /** A metrics call; the forwarder stops waiting sooner, this frees the thread. */
    static final Duration CLOUDWATCH_CALL_TIMEOUT = Duration.ofSeconds(5);

    private AwsServices() {}

    static ForwarderServices create(ForwarderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * The same on another clock: the loopback's execution environment moves it as a container's
     * clock moves across a freeze.
     */
    public static ForwarderServices create(ForwarderConfig config, Clock clock) {
        ScheduledExecutorService timers = timers();
        CompletableFuture<StsKinesisClientFactory> built = new CompletableFuture<>();
        Thread priming =
                ColdStart.enabled()
                        ? ColdStart.primeInBackground(config, timers, clock, built)
                        : null;
        SdkHttpClient http =
                ApacheHttpClient.builder()
                        .maxConnections(config.maxConcurrency() + EXTRA_CONNECTIONS)
                        .tcpKeepAlive(true)
                        .connectionMaxIdleTime(CONNECTION_IDLE)
                        .build();
        DefaultCredentialsProvider own = DefaultCredentialsProvider.builder().build();
        Region region = Region.of(config.region());
        StsKinesisClientFactory destinations =
                new StsKinesisClientFactory(
                        http, own, config.region(), timers, clock, config.putRecordsPath());
        built.complete(destinations);
        ForwarderServices services =
                new ForwarderServices(
                        dynamo(http, own, region, timers),
                        cloudWatch(http, own, region, timers),
                        destinations,
                        clock);
        if (priming != null && config.snapshotInit()) {
            ColdStart.finishBeforeSnapshot(priming);
        }
        return services;
    }

    /** DynamoDB as the forwarder uses it (priming builds the same over in-memory answers). */
    static DynamoDbClient dynamo(
            SdkHttpClient http,
            AwsCredentialsProvider own,
            Region region,
            ScheduledExecutorService timers) {
        return shared(
                        DynamoDbClient.builder(),
                        http,
                        own,
                        region,
                        o -> o.scheduledExecutorService(timers).apiCallTimeout(DYNAMO_CALL_TIMEOUT))
                .build();
    }

    /**
     * CloudWatch as the forwarder uses it (the benchmark builds the same). Request compression is
     * off: gzip of a 300-student PutMetricData costs more CPU than the bytes it saves cost within
     * the region.
     */
    public static CloudWatchClient cloudWatch(
            SdkHttpClient http,
            AwsCredentialsProvider own,
            Region region,
            ScheduledExecutorService timers) {
        return shared(
                        CloudWatchClient.builder(),
                        http,
                        own,
                        region,
                        o ->
                                o.scheduledExecutorService(timers)
                                        .apiCallTimeout(CLOUDWATCH_CALL_TIMEOUT)
                                        .compressionConfiguration(
                                                c -> c.requestCompressionEnabled(false)))
                .build();
    }

    /**
     * What every client of the container shares: the region, the pooled HTTP client and the
     * function's own credentials; {@code overrides} is the whole override configuration (timers and
     * timeouts), as the SDK replaces it on each call.
     */
    static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B shared(
            B builder,
            SdkHttpClient http,
            AwsCredentialsProvider own,
            Region region,
            Consumer<ClientOverrideConfiguration.Builder> overrides) {
        return builder.region(region)
                .httpClient(http)
                .credentialsProvider(own)
                .overrideConfiguration(overrides);
    }

    /** Daemons: the container may freeze or end with timers pending. */
    public static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers =
                new ScheduledThreadPoolExecutor(
                        TIMER_THREADS, DaemonThreads.named("fanout-sdk-timer-"));
        // Timeouts are cancelled when calls finish; do not keep 300 dead tasks per batch queued.
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
