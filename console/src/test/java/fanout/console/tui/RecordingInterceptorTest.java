package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.testing.ManualClock;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

class RecordingInterceptorTest {

    @Test
    void aFailedSdkCallIsRecordedWithServiceOperationAndOutcome() {
        CommandLog log = new CommandLog();
        ManualClock clock = new ManualClock(Fakes.NOW);
        try (StsClient sts =
                StsClient.builder()
                        .region(Region.US_WEST_2)
                        .endpointOverride(URI.create("http://127.0.0.1:9"))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .overrideConfiguration(
                                config ->
                                        config.retryStrategy(RetryMode.STANDARD)
                                                .addExecutionInterceptor(
                                                        new RecordingInterceptor(log, clock)))
                        .build()) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkException.class);
        }
        assertThat(log.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.service()).isEqualTo("Sts");
                            assertThat(call.operation()).isEqualTo("GetCallerIdentity");
                            assertThat(call.ok()).isFalse();
                            assertThat(call.at()).isEqualTo(Fakes.NOW);
                        });
    }
}
