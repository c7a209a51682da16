package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fanout.testing.ManualClock;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/** The real SDK clients of {@link StsKinesisClientFactory}, answered in-process by a stub. */
class SharedKinesisClientsTest {
    private static final ScheduledExecutorService TIMERS =
            Executors.newScheduledThreadPool(
                    2,
                    r -> {
                        Thread thread = new Thread(r, "test-sdk-timers");
                        thread.setDaemon(true);
                        return thread;
                    });

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    private static StsKinesisClientFactory factory(StubAwsHttpClient http, Clock clock) {
        return new StsKinesisClientFactory(
                http,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("OWNKEY", "secret")),
                "us-west-2",
                TIMERS,
                clock);
    }

    private static AssumeRoleSpec role(int student) {
        return new AssumeRoleSpec(
                "arn:aws:iam::2109876" + String.format("%05d", student) + ":role/s" + student,
                Optional.empty(),
                "fanout-s" + student);
    }

    private static void put(KinesisClient client) {
        client.putRecords(
                r ->
                        r.streamName("s")
                                .records(
                                        PutRecordsRequestEntry.builder()
                                                .partitionKey("k")
                                                .data(SdkBytes.fromUtf8String("{}"))
                                                .build()));
    }

    /** Live threads after every role made a few calls through its own view of the factory. */
    private static int threadsAfterCalls(int roles) {
        try (StsKinesisClientFactory factory =
                factory(new StubAwsHttpClient(1), Clock.systemUTC())) {
            List<KinesisClient> clients = new ArrayList<>();
            for (int i = 0; i < roles; i++) {
                clients.add(factory.forDestination("eu-west-1", Optional.of(role(i))));
            }
            for (int round = 0; round < 6; round++) {
                clients.forEach(SharedKinesisClientsTest::put);
            }
            return ManagementFactory.getThreadMXBean().getThreadCount();
        }
    }

    @Test
    void threeHundredStudentsBehindTheirOwnRolesCostNoMoreThreadsThanOne() {
        int baseline = threadsAfterCalls(1);

        int threads = threadsAfterCalls(300);

        // A client per role used to start 5 timer threads each: 1,500 more at 300 students.
        assertThat(threads - baseline).isLessThanOrEqualTo(10);
    }

    @Test
    void eachRoleIsAssumedOnceAndSignsItsOwnCalls() {
        StubAwsHttpClient http = new StubAwsHttpClient(1);
        try (StsKinesisClientFactory factory = factory(http, Clock.systemUTC())) {
            KinesisClient student = factory.forDestination("eu-west-1", Optional.of(role(1)));
            put(student);
            put(student);
            put(factory.forDestination("eu-west-1", Optional.of(role(1))));

            assertThat(http.calls("AssumeRole")).isEqualTo(1);
            assertThat(http.calls("PutRecords")).isEqualTo(3);
            assertThat(http.signers()).containsExactly("ASIASTUB");

            put(factory.forDestination("eu-west-1", Optional.empty()));
            assertThat(http.signers()).containsExactlyInAnyOrder("ASIASTUB", "OWNKEY");
        }
    }

    @Test
    void aRoleThatCannotBeAssumedIsAskedOfStsOnceEveryThirtySecondsAndStaysOwed() {
        ManualClock clock = new ManualClock();
        StubAwsHttpClient http = new StubAwsHttpClient(1).deny(role(7).roleArn());
        try (StsKinesisClientFactory factory = factory(http, clock)) {
            KinesisClient denied = factory.forDestination("eu-west-1", Optional.of(role(7)));
            List<Throwable> failures = new ArrayList<>();
            for (int batch = 0; batch < 50; batch++) {
                failures.add(catchThrowable(() -> put(denied)));
            }
            assertThat(http.calls("AssumeRole")).isEqualTo(1);
            assertThat(http.calls("PutRecords")).isZero();
            SinkCallException classified = AwsFailures.classify(failures.get(49));
            assertThat(classified.later()).isTrue();
            assertThat(classified.permanent()).isFalse();
            assertThat(classified.code()).isEqualTo(AwsFailures.ACCESS_DENIED);

            clock.advance(Duration.ofSeconds(31));
            catchThrowable(() -> put(denied));
            assertThat(http.calls("AssumeRole")).isEqualTo(2);
        }
    }
}
