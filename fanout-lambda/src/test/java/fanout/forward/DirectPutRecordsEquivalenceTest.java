package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.record.PreparedRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The same PutRecords sent through the SDK's client (JSON 1.1) and the direct path to one loopback
 * server: the same request as Kinesis reads it, signed validly, and the same answers read alike.
 */
class DirectPutRecordsEquivalenceTest {
    private static final String SECRET = "secret/key+with=odd chars";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(
                    AwsSessionCredentials.create("AKIDEXAMPLE", SECRET, "session-token"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService timers = fanout.AwsServices.timers();
    private CapturingServer server;
    private SdkHttpClient http;
    private KinesisClient sdk;

    @BeforeEach
    void start() {
        server =
                CapturingServer.start(
                        DirectKinesisEndpoint.CONTENT_TYPE, Map.of("x-amzn-RequestId", "req-1"));
        http = ApacheHttpClient.create();
        sdk = server.sdk(KinesisClient.builder(), Region.US_WEST_2, CREDENTIALS, http);
    }

    @AfterEach
    void stop() {
        sdk.close();
        http.close();
        server.close();
        timers.shutdownNow();
    }

    private URI endpoint() {
        return server.endpoint();
    }

    private KinesisRecordSink direct() {
        return direct(Duration.ofSeconds(5));
    }

    private KinesisRecordSink direct(Duration attemptTimeout) {
        return direct(DirectKinesisEndpoint.of(sdk, "us-west-2"), attemptTimeout);
    }

    private KinesisRecordSink direct(URI uri, Duration attemptTimeout) {
        DirectKinesisEndpoint endpoint =
                new DirectKinesisEndpoint(
                        http, uri, "us-west-2", timers, Clock.systemUTC(), attemptTimeout);
        return new KinesisRecordSink(
                new DirectPutRecords(
                        endpoint,
                        new PutRecordsBodies(),
                        CREDENTIALS,
                        null,
                        Clock.systemUTC(),
                        Duration.ofSeconds(6)),
                "ab12-Stream");
    }

    private static SinkCallException failure(KinesisRecordSink sink, List<PreparedRecord> records) {
        return catchThrowableOfType(() -> sink.put(records), SinkCallException.class);
    }

    private static List<PreparedRecord> records() {
        return List.of(
                PreparedRecord.sendable(
                        Records.record(1, "k1", "x"),
                        0,
                        "key \"quoted\" é\u0001",
                        null,
                        new byte[] {0, -1, 42, 10, 13}),
                PreparedRecord.sendable(
                        Records.record(2, "k2", "x"),
                        0,
                        "k2",
                        "170141183460469231731687303715884105727",
                        "{\"hello\":\"retail\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bothPathsSendTheSameBodyTargetAndContentTypeSignedOverTheSameHeaders() throws Exception {
        server.answer(
                200,
                "{\"FailedRecordCount\":1,\"Records\":[{\"SequenceNumber\":\"495\",\"ShardId\":"
                        + "\"shardId-000000000000\"},{\"ErrorCode\":\"ProvisionedThroughputExceededException\","
                        + "\"ErrorMessage\":\"Rate exceeded for shard\"}]}");
        List<PreparedRecord> records = records();

        List<EntryOutcome> bySdk = new KinesisRecordSink(sdk, "ab12-Stream").put(records);
        List<EntryOutcome> byDirect = direct().put(records);

        assertThat(byDirect).isEqualTo(bySdk).hasSize(2);
        assertThat(byDirect.get(1)).isInstanceOf(EntryOutcome.Retryable.class);
        CapturingServer.Received viaSdk = server.received().get(0);
        CapturingServer.Received viaDirect = server.received().get(1);
        // The same members; the direct path puts StreamName last so destinations share the rest.
        assertThat(JSON.readTree(viaDirect.body())).isEqualTo(JSON.readTree(viaSdk.body()));
        assertThat(new String(viaDirect.body(), StandardCharsets.UTF_8))
                .startsWith("{\"Records\":[")
                .endsWith(",\"StreamName\":\"ab12-Stream\"}");
        assertThat(JSON.readTree(viaDirect.body()).path("Records").get(0).path("Data").asText())
                .isEqualTo("AP8qCg0=");
        for (String header :
                List.of("Content-type", "X-amz-target", "Amz-sdk-request", "Content-length")) {
            assertThat(viaDirect.headers().get(header))
                    .as(header)
                    .isEqualTo(viaSdk.headers().get(header))
                    .isNotEmpty();
        }
        assertThat(viaSdk.headers().get("Content-type"))
                .containsExactly("application/x-amz-json-1.1");
        assertThat(SigV4Check.signedHeaders(viaDirect.headers().get("Authorization").get(0)))
                .isEqualTo(SigV4Check.signedHeaders(viaSdk.headers().get("Authorization").get(0)))
                .contains("host", "x-amz-date", "x-amz-security-token", "x-amz-target");
        assertThat(SigV4Check.valid(viaSdk.headers(), viaSdk.body(), SECRET)).isTrue();
        assertThat(SigV4Check.valid(viaDirect.headers(), viaDirect.body(), SECRET)).isTrue();
        assertThat(SigV4Check.valid(viaDirect.headers(), viaDirect.body(), "another secret"))
                .isFalse();
    }

    @Test
    void anEndpointPathOurSignerDoesNotSignIsSignedByTheSdksSignerOverTheSameBody()
            throws Exception {
        server.answer(200, "{\"FailedRecordCount\":0,\"Records\":[{\"SequenceNumber\":\"1\"}]}");
        URI odd = URI.create(endpoint() + "/a%20b/../c");

        List<EntryOutcome> outcomes =
                direct(odd, Duration.ofSeconds(5)).put(records().subList(0, 1));

        assertThat(outcomes).containsExactly(new EntryOutcome.Delivered());
        CapturingServer.Received sent = server.received().get(0);
        assertThat(sent.headers().get("X-amz-content-sha256"))
                .containsExactly(
                        java.util.HexFormat.of()
                                .formatHex(
                                        java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(sent.body())));
        assertThat(SigV4Check.signedHeaders(sent.headers().get("Authorization").get(0)))
                .contains("host", "x-amz-content-sha256", "x-amz-security-token");
    }

    @ParameterizedTest(name = "{0} {1} is classified alike")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|{\"__type\":\"ResourceNotFoundException\",\"message\":\"Stream ab12-Stream under account 1 not found.\"}",
                "400|{\"__type\":\"com.amazonaws.kinesis#LimitExceededException\",\"message\":\"Rate exceeded\"}",
                "400|{\"__type\":\"ProvisionedThroughputExceededException\",\"message\":\"Rate exceeded\"}",
                "400|{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized to kinesis:PutRecords\"}",
                "403|{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}",
                "400|{\"__type\":\"KMSDisabledException\",\"message\":\"key disabled\"}",
                "400|{\"__type\":\"KMSThrottlingException\",\"message\":\"slow down\"}",
                "400|{\"__type\":\"SomethingNewException\",\"message\":\"new\"}",
                "500|{\"__type\":\"InternalFailure\",\"message\":\"oops\"}",
                "503|<html>Service Unavailable</html>",
                "429|{}",
            })
    void aRefusedCallFailsAsTheSdkPathsDoes(int code, String body) {
        server.answer(code, body);
        List<PreparedRecord> one = records().subList(1, 2);

        SinkCallException bySdk = failure(new KinesisRecordSink(sdk, "ab12-Stream"), one);
        SinkCallException byDirect = failure(direct(), one);

        assertThat(bySdk).as("the SDK path's failure").isNotNull();
        assertThat(byDirect).as("the direct path's failure").isNotNull();
        assertThat(byDirect.code()).isEqualTo(bySdk.code());
        assertThat(byDirect.kind()).isEqualTo(bySdk.kind());
        assertThat(byDirect.getMessage()).isEqualTo(bySdk.getMessage());
        assertThat(byDirect.getCause()).hasSameClassAs(bySdk.getCause());
        assertThat(AwsFailures.expiredSession(byDirect.getCause()))
                .isEqualTo(AwsFailures.expiredSession(bySdk.getCause()));
    }

    @Test
    void aServerThatIsGoneIsANetworkErrorOnBothPaths() {
        server.close();
        List<PreparedRecord> one = records().subList(0, 1);

        SinkCallException bySdk = failure(new KinesisRecordSink(sdk, "ab12-Stream"), one);
        SinkCallException byDirect = failure(direct(), one);

        assertThat(byDirect.code()).isEqualTo(bySdk.code()).isEqualTo(AwsFailures.NETWORK);
        assertThat(byDirect.kind())
                .isEqualTo(bySdk.kind())
                .isEqualTo(SinkCallException.Kind.RETRYABLE);
    }

    @Test
    void anAnswerSlowerThanTheAttemptTimeoutIsCutOffAsTheSdksAttemptTimeoutDoes() {
        server.delay(3_000);
        server.answer(200, "{\"FailedRecordCount\":0,\"Records\":[{\"SequenceNumber\":\"1\"}]}");
        List<PreparedRecord> one = records().subList(0, 1);
        Duration timeout = Duration.ofMillis(300);

        SinkCallException bySdk;
        try (KinesisClient timed =
                KinesisClient.builder()
                        .endpointOverride(endpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(CREDENTIALS)
                        .httpClient(http)
                        .overrideConfiguration(
                                o ->
                                        o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                .apiCallAttemptTimeout(timeout))
                        .build()) {
            bySdk =
                    catchThrowableOfType(
                            () -> new KinesisRecordSink(timed, "ab12-Stream").put(one),
                            SinkCallException.class);
        }
        SinkCallException byDirect =
                catchThrowableOfType(() -> direct(timeout).put(one), SinkCallException.class);

        assertThat(byDirect.code()).isEqualTo(bySdk.code()).isEqualTo(AwsFailures.NETWORK);
        assertThat(byDirect.kind()).isEqualTo(bySdk.kind());
        // The attempt timer fired (the exception says so): the answer was not waited out.
        assertThat(byDirect.getCause())
                .hasSameClassAs(bySdk.getCause())
                .isInstanceOf(ApiCallAttemptTimeoutException.class);
    }
}
