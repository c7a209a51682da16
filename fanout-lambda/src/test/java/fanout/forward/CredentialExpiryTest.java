package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.record.PreparedRecord;
import fanout.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.StsException;

/** A container frozen past its students' credentials: refreshed before use, retried on expiry. */
class CredentialExpiryTest {
    private static final AssumeRoleRequest ROLE =
            AssumeRoleRequest.builder()
                    .roleArn("arn:aws:iam::210987654321:role/ab12StreamWriter")
                    .roleSessionName("fanout-ab12")
                    .build();

    private final ManualClock clock = new ManualClock();
    private final IssuingSts sts = new IssuingSts(clock);
    private final ExpiredSessions expiries = new ExpiredSessions(clock);
    private final AssumedRoleCredentials assumed = role(sts);

    @Test
    void credentialsAreCachedUntilTheyNearExpiryAndAssumedAgainAfterTheClockJumpedPastIt() {
        assertThat(token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(45));
        assertThat(token()).as("cached within the hour").isEqualTo("token-1");

        clock.advance(Duration.ofMinutes(70)); // the container slept through the hour

        assertThat(token()).isEqualTo("token-2");
        assertThat(sts.calls).hasSize(2);
    }

    @Test
    void aFailedRefreshKeepsCredentialsNotYetStaleAndFailsOnceTheyAre() {
        assertThat(token()).isEqualTo("token-1");
        sts.failing = true;
        clock.advance(Duration.ofMinutes(55)); // within the prefetch window, not stale

        assertThat(token()).as("still usable while STS fails").isEqualTo("token-1");

        clock.advance(Duration.ofMinutes(4)); // within the stale window: never used
        assertThatThrownBy(this::token).isInstanceOf(StsException.class);
        sts.failing = false;
        assertThat(token()).isEqualTo("token-2");
    }

    @Test
    void aCallRefusedAsExpiredIsMadeAgainInTheSameCallWithTheRoleAssumedAgain() {
        ExpiringKinesis aws = new ExpiringKinesis();
        RoleKinesisClient client =
                new RoleKinesisClient(aws, new FailureHoldingCredentials(assumed, clock), assumed);
        client.putRecords(PutRecordsRequest.builder().streamName("s").build());
        // AWS's clock moved past the session; the function's did not (a frozen container).
        aws.expired.add("token-1");

        client.putRecords(PutRecordsRequest.builder().streamName("s").build());

        assertThat(aws.accepted).containsExactly("token-1", "token-2");
        assertThat(sts.calls).hasSize(2);
    }

    @Test
    void onTheDirectPathACallRefusedAsExpiredIsAlsoMadeAgainWithTheRoleAssumedAgain() {
        TokenCheckingKinesis aws = new TokenCheckingKinesis();
        ScheduledExecutorService timers = fanout.AwsServices.timers();
        try {
            DirectPutRecords direct =
                    new DirectPutRecords(
                            new DirectKinesisEndpoint(
                                    aws,
                                    URI.create("https://kinesis.us-west-2.amazonaws.com"),
                                    "us-west-2",
                                    timers,
                                    clock,
                                    Duration.ofSeconds(5)),
                            new PutRecordsBodies(),
                            new FailureHoldingCredentials(assumed, clock),
                            assumed,
                            clock,
                            Duration.ofSeconds(6));
            List<PreparedRecord> one =
                    List.of(
                            PreparedRecord.sendable(
                                    Records.record(1, "k", "x"), 0, "k", null, new byte[] {1}));
            direct.put("s", one);
            aws.expired.add("token-1");

            List<EntryOutcome> outcomes = direct.put("s", one);

            assertThat(outcomes).containsExactly(new EntryOutcome.Delivered());
            assertThat(aws.accepted).containsExactly("token-1", "token-2");
            assertThat(sts.calls).hasSize(2);
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void aSessionThatExpiredAgainAfterRenewalFailsAsExpiredTokenNotAsTheStudentsFault() {
        ExpiringKinesis aws = new ExpiringKinesis();
        aws.expired.addAll(Set.of("token-1", "token-2"));
        RoleKinesisClient client = new RoleKinesisClient(aws, assumed, assumed);

        assertThatThrownBy(
                        () ->
                                client.putRecords(
                                        PutRecordsRequest.builder().streamName("s").build()))
                .satisfies(
                        e ->
                                assertThat(AwsFailures.classify(e).code())
                                        .isEqualTo(AwsFailures.EXPIRED_TOKEN));
        assertThat(sts.calls).as("renewed once per call, not in a loop").hasSize(2);
    }

    @Test
    void oneSessionRefusedAsExpiredMakesTheOtherRolesAssumeAgainBeforeTheirNextCallOnceAMinute() {
        IssuingSts otherSts = new IssuingSts(clock);
        AssumedRoleCredentials other = role(otherSts);
        other.resolveCredentials();
        ExpiringKinesis aws = new ExpiringKinesis();
        aws.expired.add("token-1");
        new RoleKinesisClient(aws, assumed, assumed)
                .putRecords(PutRecordsRequest.builder().streamName("s").build());

        assertThat(((AwsSessionCredentials) other.resolveCredentials()).sessionToken())
                .as("assumed again without a refused call of its own")
                .isEqualTo("token-2");
        assumed.expired(assumed.generation()); // refused again within the minute
        other.resolveCredentials();
        assertThat(otherSts.calls).as("not again within the minute").hasSize(2);
    }

    @Test
    void aDestinationWhoseSessionExpiredIsNotPausedLikeOneThatTookNothing() {
        Standings standings = new Standings(clock);

        standings.record(
                DestinationReport.owing(
                        "expired", Set.of("1"), new Problem(AwsFailures.EXPIRED_TOKEN, "expired")));
        standings.record(
                DestinationReport.owing(
                        "sts", Set.of("1"), new Problem(AwsFailures.STS_THROTTLED, "slow down")));
        standings.record(
                DestinationReport.owing(
                        "throttled", Set.of("1"), new Problem(AwsFailures.THROTTLED, "slow")));

        assertThat(standings.parked("expired")).isFalse();
        assertThat(standings.parked("sts")).isFalse();
        assertThat(standings.parked("throttled")).as("took nothing: pauses").isTrue();
    }

    @Test
    void stsThrottlingAndExpiredSessionsAreClassifiedAsTheFunctionsProblem() {
        assertThat(
                        AwsFailures.classify(
                                        StsException.builder()
                                                .awsErrorDetails(
                                                        ExpiringKinesis.details("Throttling"))
                                                .statusCode(400)
                                                .build())
                                .code())
                .isEqualTo(AwsFailures.STS_THROTTLED);
        assertThat(AwsFailures.expiredSession(ExpiringKinesis.expired())).isTrue();
        assertThat(AwsFailures.classify(ExpiringKinesis.expired()).code())
                .isEqualTo(AwsFailures.EXPIRED_TOKEN);
        assertThat(AwsFailures.credentialsProblem(AwsFailures.THROTTLED)).isFalse();
    }

    private AssumedRoleCredentials role(StsClient client) {
        return new AssumedRoleCredentials(
                r -> client.assumeRole(r).credentials(),
                ROLE,
                clock,
                StsKinesisClientFactory.PREFETCH,
                StsKinesisClientFactory.STALE,
                expiries);
    }

    private String token() {
        return ((AwsSessionCredentials) assumed.resolveCredentials()).sessionToken();
    }
}
