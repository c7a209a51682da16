package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The same AssumeRole sent through the SDK's STS client and {@link DirectAssumeRole} to one
 * loopback server: the same form and headers as STS reads them, signed validly, the same
 * credentials read from the answer, and refusals classified alike.
 */
class DirectAssumeRoleTest {
    private static final String SECRET = "own/secret+key=";
    private static final StaticCredentialsProvider OWN =
            StaticCredentialsProvider.create(
                    AwsSessionCredentials.create("ASIAOWN", SECRET, "own-session"));
    private static final AssumeRoleRequest REQUEST =
            AssumeRoleRequest.builder()
                    .roleArn("arn:aws:iam::210987654321:role/fanout-writer")
                    .roleSessionName("fanout-ab12")
                    .externalId("shared secret/é")
                    .build();
    private static final String ANSWER =
            "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROA1:fanout-ab12"
                    + "</AssumedRoleId><Arn>arn:aws:sts::210987654321:assumed-role/fanout-writer/"
                    + "fanout-ab12</Arn></AssumedRoleUser><Credentials>"
                    + "<AccessKeyId>ASIASTUDENT</AccessKeyId>"
                    + "<SecretAccessKey>student/secret+1</SecretAccessKey>"
                    + "<SessionToken>Fwo//token&amp;more=</SessionToken>"
                    + "<Expiration>2026-11-29T10:00:00Z</Expiration></Credentials>"
                    + "</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId>"
                    + "</ResponseMetadata></AssumeRoleResponse>";

    private final List<Duration> pauses = new ArrayList<>();
    private final ScheduledExecutorService timers = fanout.AwsServices.timers();
    private CapturingServer server;
    private SdkHttpClient http;
    private StsClient sdk;

    @BeforeEach
    void start() {
        server = CapturingServer.start("text/xml", Map.of());
        server.answer(200, ANSWER);
        http = ApacheHttpClient.create();
        sdk = server.sdk(StsClient.builder(), Region.EU_WEST_1, OWN, http);
    }

    @AfterEach
    void stop() {
        sdk.close();
        http.close();
        server.close();
        timers.shutdownNow();
    }

    private DirectAssumeRole direct() {
        return new DirectAssumeRole(
                http,
                DirectAssumeRole.of(sdk, "eu-west-1"),
                "eu-west-1",
                OWN,
                timers,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                pauses::add);
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    @Test
    void bothWaysSendTheSameFormSignedOverTheSameHeadersAndReadTheSameCredentials()
            throws Exception {
        Credentials bySdk = sdk.assumeRole(REQUEST).credentials();
        Credentials byDirect = direct().assume(REQUEST);

        assertThat(byDirect).isEqualTo(bySdk);
        assertThat(byDirect.sessionToken()).isEqualTo("Fwo//token&more=");
        assertThat(byDirect.expiration()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        CapturingServer.Received viaSdk = server.received().get(0);
        CapturingServer.Received viaDirect = server.received().get(1);
        assertThat(form(viaDirect.body()))
                .isEqualTo(form(viaSdk.body()))
                .containsEntry("Action", "AssumeRole")
                .containsEntry("ExternalId", "shared secret/é")
                .containsEntry("RoleArn", "arn:aws:iam::210987654321:role/fanout-writer");
        assertThat(viaDirect.headers().get("Content-type"))
                .isEqualTo(viaSdk.headers().get("Content-type"))
                .isNotEmpty();
        assertThat(SigV4Check.signedHeaders(viaDirect.headers().get("Authorization").get(0)))
                .isEqualTo(SigV4Check.signedHeaders(viaSdk.headers().get("Authorization").get(0)))
                .contains("host", "x-amz-date", "x-amz-security-token");
        assertThat(viaDirect.headers().get("Authorization").get(0))
                .contains("/eu-west-1/sts/aws4_request");
        assertThat(SigV4Check.valid(viaSdk.headers(), viaSdk.body(), SECRET)).isTrue();
        assertThat(SigV4Check.valid(viaDirect.headers(), viaDirect.body(), SECRET)).isTrue();
    }

    @Test
    void onAwsTheRequestGoesToTheFunctionRegionsOwnStsEndpoint() {
        try (StsClient plain = StsClient.builder().region(Region.EU_WEST_1).build()) {
            assertThat(DirectAssumeRole.of(plain, "eu-west-1"))
                    .isEqualTo(URI.create("https://sts.eu-west-1.amazonaws.com"));
        }
    }

    @ParameterizedTest(name = "{0} {1} is classified alike and sent {2} times")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|Throttling|3",
                "400|AccessDenied|1",
                "403|AccessDenied|1",
                "403|RegionDisabledException|1",
                "400|ExpiredTokenException|1",
                "400|MalformedPolicyDocument|1",
                "400|ExpiredToken|1",
                "400|ValidationError|1",
                "500|InternalFailure|3",
                "503|-|3",
            })
    void aRefusalIsClassifiedAsTheSdksAndOnlyWhatTheSdkRetriesIsRetried(
            int code, String error, int sends) {
        server.answer(
                code,
                error.equals("-")
                        ? "<html>Service Unavailable</html>"
                        : "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                                + "<Error><Type>Sender</Type><Code>"
                                + error
                                + "</Code><Message>no: "
                                + error
                                + "</Message></Error><RequestId>r-2</RequestId></ErrorResponse>");

        SdkException bySdk =
                catchThrowableOfType(() -> sdk.assumeRole(REQUEST), SdkException.class);
        server.received().clear();
        SdkException byDirect =
                catchThrowableOfType(() -> direct().assume(REQUEST), SdkException.class);

        assertThat(byDirect).hasSameClassAs(bySdk);
        SinkCallException sdkFailure = AwsFailures.classify(bySdk);
        SinkCallException directFailure = AwsFailures.classify(byDirect);
        assertThat(directFailure.code()).isEqualTo(sdkFailure.code());
        assertThat(directFailure.kind()).isEqualTo(sdkFailure.kind());
        assertThat(withoutAttempts(directFailure.getMessage()))
                .isEqualTo(withoutAttempts(sdkFailure.getMessage()));
        assertThat(server.received()).hasSize(sends);
        assertThat(pauses).hasSize(sends - 1);
        Duration firstCap =
                error.equals("Throttling") ? Duration.ofSeconds(1) : Duration.ofMillis(100);
        assertThat(pauses)
                .allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(firstCap.multipliedBy(2)));
    }

    @Test
    void aThrottledStsIsAskedAgainOnlyAfterTheSdksThrottlingBackoff() {
        server.answer(
                400,
                "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message>"
                        + "</Error></ErrorResponse>");
        List<Duration> longest = new ArrayList<>();
        for (int run = 0; run < 12; run++) {
            pauses.clear();
            catchThrowableOfType(() -> direct().assume(REQUEST), SdkException.class);
            longest.add(pauses.stream().max(Duration::compareTo).orElseThrow());
        }

        assertThat(longest).anySatisfy(p -> assertThat(p).isGreaterThan(Duration.ofMillis(500)));
        assertThat(DirectAssumeRole.THROTTLED_BACKOFF.delay(0)).isEqualTo(Duration.ofSeconds(1));
    }

    private static String withoutAttempts(String message) {
        return message.replaceAll(" \\(SDK Attempt Count: \\d+\\)", "");
    }

    @Test
    void anAnswerWithoutCredentialsIsAnUnmarshallingFailureNamingWhatIsMissing() {
        server.answer(
                200,
                "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A"
                        + "</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>");

        SdkException failure =
                catchThrowableOfType(() -> direct().assume(REQUEST), SdkException.class);

        assertThat(failure)
                .hasMessageContaining("Expiration")
                .hasMessageContaining("SecretAccessKey")
                .hasMessageContaining("SessionToken");
    }

    @Test
    void aServerThatIsGoneIsANetworkErrorAfterTheSdksThreeAttempts() {
        server.close();

        SdkException failure =
                catchThrowableOfType(() -> direct().assume(REQUEST), SdkException.class);

        assertThat(AwsFailures.classify(failure).code()).isEqualTo(AwsFailures.NETWORK);
        assertThat(pauses).hasSize(DirectAssumeRole.ATTEMPTS - 1);
    }
}
