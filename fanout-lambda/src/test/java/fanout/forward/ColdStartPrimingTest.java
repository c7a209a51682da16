package fanout.forward;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.AwsServices;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

class ColdStartPrimingTest {
    private static final ScheduledExecutorService TIMERS = AwsServices.timers();

    /** Any request fails the test: priming must never call AWS. */
    private static final SdkHttpClient NO_CALLS =
            new SdkHttpClient() {
                @Override
                public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                    throw new AssertionError("priming called " + request.httpRequest().getUri());
                }

                @Override
                public void close() {}
            };

    /** An endpoint of eu-west-1 whose requests would fail the test: priming only signs. */
    private static DirectKinesisEndpoint endpoint(Clock clock) {
        return new DirectKinesisEndpoint(
                NO_CALLS,
                URI.create("https://kinesis.eu-west-1.amazonaws.com"),
                "eu-west-1",
                TIMERS,
                clock,
                Duration.ofSeconds(1));
    }

    @Test
    void theDirectPathsLocalStepsRunOnMadeUpValues() {
        // An answer the readers refused, a body the encoder could not build or a request the
        // signer could not sign would throw here.
        assertThatCode(() -> ColdStartPriming.directPath(endpoint(Clock.systemUTC())))
                .doesNotThrowAnyException();
    }

    @Test
    void aStepThatFailsIsThrownForTheCallerToLog() {
        Clock broken =
                new Clock() {
                    @Override
                    public Instant instant() {
                        throw new IllegalStateException("no clock here");
                    }

                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }
                };

        assertThatThrownBy(() -> ColdStartPriming.directPath(endpoint(broken)))
                .hasMessage("no clock here");
    }

    @Test
    void theFactoryBuildsItsRegionsClientsWithoutCallingAws() {
        for (PutRecordsPath path : PutRecordsPath.values()) {
            StsKinesisClientFactory factory =
                    new StsKinesisClientFactory(
                            NO_CALLS,
                            StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("id", "secret")),
                            "us-west-2",
                            TIMERS,
                            Clock.systemUTC(),
                            path);

            // NO_CALLS throws an AssertionError out of prime() on any request.
            assertThatCode(factory::prime).doesNotThrowAnyException();
        }
    }
}
