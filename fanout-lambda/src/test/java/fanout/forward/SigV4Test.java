package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.record.PreparedRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Our SigV4 against the SDK's {@code AwsV4HttpSigner} on the same PutRecords requests, clocks and
 * credentials: the same headers, byte for byte, Authorization included.
 */
class SigV4Test {
    private static final List<AwsCredentialsIdentity> CREDENTIALS =
            List.of(
                    AwsBasicCredentials.create(
                            "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                    AwsSessionCredentials.create(
                            "ASIAEXAMPLE",
                            "secret/key+with=odd chars",
                            "FwoGZXIvYXdzEJr//token=="));
    private static final List<Instant> CLOCKS =
            List.of(
                    Instant.parse("2026-11-29T09:15:42.123456789Z"),
                    Instant.parse("2026-12-31T23:59:59.999Z"),
                    Instant.parse("2027-01-01T00:00:00Z"),
                    Instant.parse("2015-08-30T12:36:00Z"));
    private static final List<String> ENDPOINTS =
            List.of(
                    "https://kinesis.us-west-2.amazonaws.com",
                    "https://kinesis.us-west-2.amazonaws.com/",
                    "http://127.0.0.1:4567",
                    "http://localhost:80/",
                    "https://vpce-1.kinesis.eu-central-1.vpce.amazonaws.com:8443/kinesis/v1");

    private final ScheduledExecutorService timers = fanout.AwsServices.timers();
    private final SdkHttpClient http = ApacheHttpClient.create();
    private final PutRecordsBodies bodies = new PutRecordsBodies();

    @AfterEach
    void stop() {
        http.close();
        timers.shutdownNow();
    }

    private DirectKinesisEndpoint endpoint(String uri, String region) {
        return new DirectKinesisEndpoint(
                http, URI.create(uri), region, timers, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    private List<PutRecordsBody> bodies() {
        List<PreparedRecord> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(
                    PreparedRecord.sendable(
                            Records.record(i, "k" + i, "x"),
                            0,
                            "key " + i + " \"é\"",
                            i % 3 == 0 ? "170141183460469231731687303715884105727" : null,
                            ("payload " + i).repeat(i * 10).getBytes(StandardCharsets.UTF_8)));
        }
        return List.of(
                bodies.body("s001Stream", batch.subList(0, 1)),
                bodies.body("s001Stream", batch),
                bodies.body("s002Stream", batch),
                bodies.body("a\"quoted\" stream", batch.subList(5, 30)));
    }

    private static SdkHttpRequest bySdk(
            SdkHttpFullRequest request,
            byte[] body,
            AwsCredentialsIdentity credentials,
            Instant at,
            String region) {
        return AwsV4HttpSigner.create()
                .sign(
                        r ->
                                r.identity(credentials)
                                        .request(request)
                                        .payload(ContentStreamProvider.fromByteArray(body))
                                        .putProperty(
                                                AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                DirectKinesisEndpoint.SIGNING_NAME)
                                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                        .putProperty(
                                                HttpSigner.SIGNING_CLOCK,
                                                Clock.fixed(at, ZoneOffset.UTC)))
                .request();
    }

    /** Every header as sent: name (as spelled), values, in the request's order. */
    private static List<String> wire(SdkHttpRequest request) {
        List<String> lines = new ArrayList<>();
        request.forEachHeader((name, values) -> lines.add(name + ": " + values));
        return lines;
    }

    @Test
    void signsEveryRequestExactlyAsTheSdksSignerDoes() {
        int compared = 0;
        for (String uri : ENDPOINTS) {
            for (String region : List.of("us-west-2", "eu-central-1")) {
                DirectKinesisEndpoint endpoint = endpoint(uri, region);
                SigV4 ours = new SigV4(region, DirectKinesisEndpoint.SIGNING_NAME);
                for (PutRecordsBody body : bodies()) {
                    SdkHttpFullRequest request =
                            endpoint.unsigned(
                                    body.length(), "e4f1c0de-0000-4000-8000-000000000001");
                    for (AwsCredentialsIdentity credentials : CREDENTIALS) {
                        for (Instant at : CLOCKS) {
                            SdkHttpRequest expected =
                                    bySdk(request, body.bytes(), credentials, at, region);
                            SdkHttpRequest actual =
                                    ours.sign(request, body.sha256(), credentials, at);

                            assertThat(wire(actual))
                                    .as("%s %s %s %s", uri, region, credentials.accessKeyId(), at)
                                    .isEqualTo(wire(expected));
                            assertThat(actual.getUri()).isEqualTo(expected.getUri());
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(5 * 2 * 4 * 2 * 4);
    }

    @Test
    void theBodysHashGoesInTheContentHashHeaderAsTheSdksSignerSendsItForKinesis() throws Exception {
        DirectKinesisEndpoint endpoint = endpoint(ENDPOINTS.get(0), "us-west-2");
        PutRecordsBody body = bodies().get(1);
        SdkHttpFullRequest request = endpoint.unsigned(body.length(), "id");
        String hash =
                java.util.HexFormat.of()
                        .formatHex(
                                java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(body.bytes()));

        SdkHttpRequest expected =
                bySdk(request, body.bytes(), CREDENTIALS.get(1), CLOCKS.get(0), "us-west-2");
        SdkHttpRequest actual =
                new SigV4("us-west-2", "kinesis")
                        .sign(request, body.sha256(), CREDENTIALS.get(1), CLOCKS.get(0));

        assertThat(expected.firstMatchingHeader("x-amz-content-sha256")).contains(hash);
        assertThat(actual.firstMatchingHeader("x-amz-content-sha256")).contains(hash);
        assertThat(actual.firstMatchingHeader("Authorization").orElseThrow())
                .contains(
                        "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;"
                                + "content-type;host;x-amz-content-sha256;x-amz-date;"
                                + "x-amz-security-token;x-amz-target,")
                .doesNotContain("user-agent");
    }

    @Test
    void aSecondSecretTheSameDayGetsItsOwnSigningKey() {
        SigV4 ours = new SigV4("us-west-2", "kinesis");
        DirectKinesisEndpoint endpoint = endpoint(ENDPOINTS.get(0), "us-west-2");
        PutRecordsBody body = bodies().get(0);
        SdkHttpFullRequest request = endpoint.unsigned(body.length(), "id");
        AwsCredentialsIdentity other = AwsBasicCredentials.create("AKIDEXAMPLE", "another");

        ours.sign(request, body.sha256(), CREDENTIALS.get(0), CLOCKS.get(0));
        SdkHttpRequest second = ours.sign(request, body.sha256(), other, CLOCKS.get(0));

        assertThat(wire(second))
                .isEqualTo(wire(bySdk(request, body.bytes(), other, CLOCKS.get(0), "us-west-2")));
    }

    @Test
    void aPathThatNeedsEncodingOrNormalisingIsLeftToTheSdksSigner() {
        for (String path : List.of("/a b", "/a/../b", "//", "/%41", "/a/./b")) {
            assertThat(SigV4.signs(path)).as(path).isFalse();
        }
        for (String path : List.of("", "/", "/kinesis/v1", "/a/", "/a.b~c_d-e")) {
            assertThat(SigV4.signs(path)).as(path).isTrue();
        }
        SdkHttpFullRequest odd = endpoint("https://h.example/a%20b", "us-west-2").unsigned(2, "id");
        assertThatThrownBy(
                        () ->
                                new SigV4("us-west-2", "kinesis")
                                        .sign(odd, new byte[32], CREDENTIALS.get(0), CLOCKS.get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/a%20b");
    }

    @Test
    void headerValuesAreTrimmedAndTheirInnerRunsOfSpaceMadeOne() {
        assertThat(SigV4.trimAll("  attempt=1;   max=1 \t")).isEqualTo("attempt=1; max=1");
        assertThat(SigV4.trimAll("")).isEmpty();
    }
}
