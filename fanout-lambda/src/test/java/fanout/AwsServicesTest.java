package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Building the clients makes no call, so the settings each gets can be read back offline. */
class AwsServicesTest {

    @Test
    void theStateTableClientGetsTheRegionTheTimersAndItsCallTimeout() {
        ForwarderConfig config =
                ForwarderConfig.fromEnvironment(Map.of(ForwarderConfig.REGION, "eu-west-1"));
        ForwarderServices services = AwsServices.create(config);
        try {
            ClientOverrideConfiguration o =
                    services.dynamo().serviceClientConfiguration().overrideConfiguration();

            assertThat(services.dynamo().serviceClientConfiguration().region())
                    .isEqualTo(Region.EU_WEST_1);
            assertThat(o.apiCallTimeout()).contains(AwsServices.DYNAMO_CALL_TIMEOUT);
            assertThat(o.scheduledExecutorService()).isPresent();
        } finally {
            services.dynamo().close();
            services.cloudWatch().close();
        }
    }

    @Test
    void cloudWatchGetsItsCallTimeoutAndNoRequestCompression() {
        ScheduledExecutorService timers = AwsServices.timers();
        try (SdkHttpClient http = ApacheHttpClient.create();
                CloudWatchClient cloudWatch =
                        AwsServices.cloudWatch(
                                http,
                                AnonymousCredentialsProvider.create(),
                                Region.US_WEST_2,
                                timers)) {
            ClientOverrideConfiguration o =
                    cloudWatch.serviceClientConfiguration().overrideConfiguration();

            assertThat(o.apiCallTimeout()).contains(Duration.ofSeconds(5));
            assertThat(o.scheduledExecutorService()).isPresent();
            assertThat(o.compressionConfiguration())
                    .hasValueSatisfying(c -> assertThat(c.requestCompressionEnabled()).isFalse());
        } finally {
            timers.shutdownNow();
        }
    }
}
