package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class StsKinesisClientFactoryTest {
    private static final ScheduledExecutorService TIMERS =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "test-timers");
                        thread.setDaemon(true);
                        return thread;
                    });

    private static final AssumeRoleSpec ROLE =
            new AssumeRoleSpec(
                    "arn:aws:iam::210987654321:role/ab12StreamWriter",
                    Optional.of("ext"),
                    "fanout-ab12");

    @Test
    void clientsAreBuiltOncePerRegionAndRole() {
        try (StsKinesisClientFactory factory =
                new StsKinesisClientFactory(
                        ApacheHttpClient.create(),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("id", "secret")),
                        "us-west-2",
                        TIMERS,
                        Clock.systemUTC())) {
            KinesisClient first = factory.forDestination("us-west-2", Optional.of(ROLE));

            assertThat(factory.forDestination("us-west-2", Optional.of(ROLE))).isSameAs(first);
            assertThat(factory.forDestination("eu-west-1", Optional.of(ROLE))).isNotSameAs(first);
            assertThat(factory.forDestination("us-west-2", Optional.empty())).isNotSameAs(first);
            assertThat(
                            factory.forDestination(
                                    "us-west-2",
                                    Optional.of(
                                            new AssumeRoleSpec(
                                                    ROLE.roleArn(),
                                                    Optional.empty(),
                                                    ROLE.sessionName()))))
                    .isNotSameAs(first);
        }
    }

    @Test
    void theAssumeRoleRequestNamesTheMappingAndCarriesTheExternalId() {
        AssumeRoleRequest request = StsKinesisClientFactory.request(ROLE);

        assertThat(request.roleArn()).isEqualTo(ROLE.roleArn());
        assertThat(request.roleSessionName()).isEqualTo("fanout-ab12");
        assertThat(request.externalId()).isEqualTo("ext");
        assertThat(
                        StsKinesisClientFactory.request(
                                        new AssumeRoleSpec(
                                                ROLE.roleArn(),
                                                Optional.empty(),
                                                "fanout-" + "x".repeat(80)))
                                .roleSessionName())
                .hasSize(64);
        assertThat(
                        StsKinesisClientFactory.request(
                                        new AssumeRoleSpec(ROLE.roleArn(), Optional.empty(), "s"))
                                .externalId())
                .isNull();
    }
}
