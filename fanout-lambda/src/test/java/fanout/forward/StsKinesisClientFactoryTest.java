package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    @Test
    void rolesAssumedTogetherRenewSpreadOverTwentyMinutesEachAlwaysAtTheSamePoint() {
        List<Duration> prefetches =
                IntStream.range(0, 300)
                        .mapToObj(
                                i ->
                                        StsKinesisClientFactory.prefetch(
                                                new AssumeRoleSpec(
                                                        "arn:aws:iam::"
                                                                + (210987654300L + i)
                                                                + ":role/fanout-writer",
                                                        Optional.empty(),
                                                        "fanout-s" + i)))
                        .toList();

        assertThat(prefetches)
                .allSatisfy(
                        p ->
                                assertThat(p)
                                        .isBetween(
                                                StsKinesisClientFactory.PREFETCH,
                                                StsKinesisClientFactory.PREFETCH.plus(
                                                        StsKinesisClientFactory.PREFETCH_SPREAD)));
        Map<Long, Long> perMinute =
                prefetches.stream()
                        .collect(Collectors.groupingBy(Duration::toMinutes, Collectors.counting()));
        assertThat(perMinute).hasSize(20);
        assertThat(perMinute.values()).allSatisfy(n -> assertThat(n).isLessThan(40));
        assertThat(StsKinesisClientFactory.prefetch(ROLE))
                .isEqualTo(StsKinesisClientFactory.prefetch(ROLE));
    }
}
