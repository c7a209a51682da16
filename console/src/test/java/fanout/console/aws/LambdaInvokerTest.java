package fanout.console.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fanout.console.deploy.DeployRequest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The roster check's Invoke runs the check once: no SDK retry, and reads outlast the function. */
class LambdaInvokerTest {
    private WireMockServer wireMock;
    private LambdaClient invoker;

    @BeforeEach
    void start() {
        wireMock =
                new WireMockServer(
                        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        invoker =
                SdkAwsClients.invokerBuilder()
                        .endpointOverride(URI.create("http://127.0.0.1:" + wireMock.port()))
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("AKIDTEST", "secret")))
                        .build();
    }

    @AfterEach
    void stop() {
        invoker.close();
        wireMock.stop();
    }

    @Test
    void anInvokeThatFailsWithARetryableErrorIsSentOnlyOnce() {
        wireMock.stubFor(
                post(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withHeader("x-amzn-ErrorType", "ServiceException")
                                        .withBody("{\"message\":\"busy\"}")));

        assertThatThrownBy(
                        () ->
                                invoker.invoke(
                                        r ->
                                                r.functionName("fanout")
                                                        .payload(
                                                                software.amazon.awssdk.core.SdkBytes
                                                                        .fromUtf8String("{}"))))
                .isInstanceOf(AwsServiceException.class);

        wireMock.verify(1, postRequestedFor(urlPathMatching(".*/functions/fanout/invocations")));
    }

    @Test
    void theInvokeReadTimeoutOutlastsTheLongestFunctionTimeout() {
        assertThat(SdkAwsClients.INVOKE_READ_TIMEOUT)
                .isGreaterThan(Duration.ofSeconds(DeployRequest.MAX_TIMEOUT_SECONDS));
    }
}
