package fanout.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Pins CloudWatch's wire format in SDK 2.40.2: the AWS Query protocol (form-encoded {@code
 * Action=...&Version=2010-08-01} requests, XML responses), as the SDK's generated client uses
 * {@code AwsQueryProtocolFactory}. SDK 2.41 moves CloudWatch to a CBOR protocol; the tests on this
 * base (a WireMock server on 127.0.0.1 and a CloudWatch client pointed at it) are what breaks when
 * someone bumps the BOM.
 */
public abstract class CloudWatchWire {
    public static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    public static final Instant START = Instant.parse("2026-11-25T09:56:00Z");
    public static final Instant END = Instant.parse("2026-11-25T10:01:00Z");

    protected WireMockServer wireMock;
    protected CloudWatchClient cloudWatch;

    @BeforeEach
    protected void start() {
        wireMock =
                new WireMockServer(
                        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        cloudWatch =
                CloudWatchClient.builder()
                        .endpointOverride(URI.create("http://127.0.0.1:" + wireMock.port()))
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("AKIDTEST", "secret")))
                        .httpClient(ApacheHttpClient.builder().build())
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
    }

    @AfterEach
    protected void stop() {
        cloudWatch.close();
        wireMock.stop();
    }

    /** The request's form fields, gunzipped first when the SDK compressed the body. */
    public static Map<String, String> form(LoggedRequest request) {
        byte[] body = request.getBody();
        if (body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }
}
