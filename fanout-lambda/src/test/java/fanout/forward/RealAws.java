package fanout.forward;

import fanout.AwsServices;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What the opt-in tests against a real account share ({@code -Paws}): the region ({@code
 * -Dfanout.aws.region}, us-east-1 by default), the caller's standard credential chain, one pooled
 * HTTP client and the timers, as the function builds them.
 */
record RealAws(
        String region,
        SdkHttpClient http,
        ScheduledExecutorService timers,
        AwsCredentialsProvider credentials)
        implements AutoCloseable {
    static final String REGION = System.getProperty("fanout.aws.region", "us-east-1");

    static RealAws open() {
        return new RealAws(
                REGION,
                ApacheHttpClient.create(),
                AwsServices.timers(),
                DefaultCredentialsProvider.builder().build());
    }

    /**
     * The SDK's client as the caller would build it: this region, its credentials, this HTTP
     * client.
     */
    <C, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C sdk(B builder) {
        return builder.region(Region.of(region))
                .httpClient(http)
                .credentialsProvider(credentials)
                .build();
    }

    @Override
    public void close() {
        http.close();
        timers.shutdownNow();
    }
}
