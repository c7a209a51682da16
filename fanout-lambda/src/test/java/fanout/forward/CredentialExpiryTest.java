package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.record.PreparedRecord;
import fanout.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
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
                                                .awsErrorDetails(details("Throttling"))
                                                .statusCode(400)
                                                .build())
                                .code())
                .isEqualTo(AwsFailures.STS_THROTTLED);
        assertThat(AwsFailures.expiredSession(expired())).isTrue();
        assertThat(AwsFailures.classify(expired()).code()).isEqualTo(AwsFailures.EXPIRED_TOKEN);
        assertThat(AwsFailures.credentialsProblem(AwsFailures.THROTTLED)).isFalse();
    }

    private AssumedRoleCredentials role(StsClient client) {
        return new AssumedRoleCredentials(
                client,
                ROLE,
                clock,
                StsKinesisClientFactory.PREFETCH,
                StsKinesisClientFactory.STALE,
                expiries);
    }

    private String token() {
        return ((AwsSessionCredentials) assumed.resolveCredentials()).sessionToken();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
    }

    private static KinesisException expired() {
        return (KinesisException)
                KinesisException.builder()
                        .awsErrorDetails(details("ExpiredTokenException"))
                        .statusCode(400)
                        .build();
    }

    /** Issues a new token per AssumeRole, valid for an hour by the given clock. */
    private static final class IssuingSts implements StsClient {
        private final ManualClock clock;
        final List<Instant> calls = new ArrayList<>();
        private int issued;
        volatile boolean failing;

        IssuingSts(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
            calls.add(clock.instant());
            if (failing) {
                throw StsException.builder()
                        .awsErrorDetails(details("ServiceUnavailable"))
                        .statusCode(503)
                        .build();
            }
            issued++;
            return AssumeRoleResponse.builder()
                    .credentials(
                            Credentials.builder()
                                    .accessKeyId("ASIA" + issued)
                                    .secretAccessKey("secret")
                                    .sessionToken("token-" + issued)
                                    .expiration(clock.instant().plus(Duration.ofHours(1)))
                                    .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    /** Refuses tokens AWS considers expired, as Kinesis does, and records the accepted ones. */
    private static final class ExpiringKinesis implements KinesisClient {
        final Set<String> expired = ConcurrentHashMap.newKeySet();
        final List<String> accepted = new ArrayList<>();

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            String token =
                    ((AwsSessionCredentials)
                                    request.overrideConfiguration()
                                            .orElseThrow()
                                            .credentialsProvider()
                                            .orElseThrow()
                                            .resolveCredentials())
                            .sessionToken();
            if (expired.contains(token)) {
                throw expired();
            }
            accepted.add(token);
            return PutRecordsResponse.builder().records(List.of()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    /** Kinesis on the wire: refuses expired session tokens with a 400 as AWS does. */
    private static final class TokenCheckingKinesis implements SdkHttpClient {
        final Set<String> expired = ConcurrentHashMap.newKeySet();
        final List<String> accepted = new ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String token =
                    request.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElseThrow();
            boolean refused = expired.contains(token);
            if (!refused) {
                accepted.add(token);
            }
            String body =
                    refused
                            ? "{\"__type\":\"ExpiredTokenException\",\"message\":\"expired\"}"
                            : "{\"FailedRecordCount\":0,\"Records\":[{\"SequenceNumber\":\"1\"}]}";
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(
                                    SdkHttpResponse.builder()
                                            .statusCode(refused ? 400 : 200)
                                            .build())
                            .responseBody(
                                    AbortableInputStream.create(
                                            new java.io.ByteArrayInputStream(
                                                    body.getBytes(
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8))))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}
