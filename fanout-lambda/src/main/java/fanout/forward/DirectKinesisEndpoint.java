package fanout.forward;

import fanout.record.PreparedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.endpoints.KinesisEndpointProvider;

/**
 * One region's Kinesis endpoint for PutRecords in JSON 1.1, as the SDK's client sends it: the same
 * headers, signed as the SDK's SigV4 signer signs them ({@link SigV4}, which takes the body's hash
 * from the batch's shared prefix; the SDK's signer for an endpoint path ours does not sign), sent
 * through the shared pooled HTTP client, one attempt cut off after {@code attemptTimeout} the way
 * the SDK's attempt timeout does (by aborting the request). The forwarder retries on its own, so
 * nothing here does; the SDK's Kinesis client is configured the same way.
 */
final class DirectKinesisEndpoint {
    static final String TARGET = "Kinesis_20131202.PutRecords";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String SIGNING_NAME = "kinesis";

    /** The SDK's retry header with its retries off: one attempt of one. */
    static final String ATTEMPT = "attempt=1; max=1";

    private static final String USER_AGENT = "fanout-direct-putrecords aws-sdk-java/2.40.2";

    private final SdkHttpClient http;
    private final URI endpoint;
    private final String region;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Duration attemptTimeout;
    private final String path;

    /** Ours, which hashes only the destination's suffix; null for a path it does not sign. */
    private final SigV4 ownSigner;

    private final AwsV4HttpSigner sdkSigner = AwsV4HttpSigner.create();

    /**
     * @param endpoint where the SDK's client would send PutRecords for this region
     * @param timers where the attempt timeout fires; owned by the caller
     */
    DirectKinesisEndpoint(
            SdkHttpClient http,
            URI endpoint,
            String region,
            ScheduledExecutorService timers,
            Clock clock,
            Duration attemptTimeout) {
        this.http = Objects.requireNonNull(http, "http is required");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is required");
        this.region = Objects.requireNonNull(region, "region is required");
        this.timers = Objects.requireNonNull(timers, "timers is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout is required");
        this.path = DirectEndpoints.path(endpoint);
        this.ownSigner = SigV4.signs(path) ? new SigV4(region, SIGNING_NAME) : null;
    }

    URI endpoint() {
        return endpoint;
    }

    String region() {
        return region;
    }

    /**
     * Where the SDK's client for the region sends PutRecords by stream name: its endpoint override
     * (the sandbox's, {@code aws.endpointUrl}) or else what Kinesis's endpoint rules answer.
     */
    static URI of(KinesisClient regionClient, String region) {
        String override = DirectEndpoints.override(regionClient);
        return KinesisEndpointProvider.defaultProvider()
                .resolveEndpoint(
                        p ->
                                p.region(Region.of(region))
                                        .useFips(false)
                                        .useDualStack(false)
                                        .operationType("data")
                                        .endpoint(override))
                .join()
                .url();
    }

    /** The request as signed for these credentials: what {@link #send} puts on the wire. */
    SdkHttpRequest sign(PutRecordsBody body, AwsCredentialsIdentity credentials) {
        SdkHttpFullRequest request = unsigned(body.length(), UUID.randomUUID().toString());
        if (ownSigner != null) {
            return ownSigner.sign(request, body.sha256(), credentials, clock.instant());
        }
        SignedRequest signed =
                sdkSigner.sign(
                        r ->
                                r.identity(credentials)
                                        .request(request)
                                        .payload(body.content())
                                        .putProperty(
                                                AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request();
    }

    /** The request the SDK's JSON client sends, before signing. */
    SdkHttpFullRequest unsigned(int contentLength, String invocationId) {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET)
                .putHeader("Content-Length", Integer.toString(contentLength))
                .putHeader("amz-sdk-invocation-id", invocationId)
                .putHeader("amz-sdk-request", ATTEMPT)
                .putHeader("User-Agent", USER_AGENT)
                .build();
    }

    /**
     * One attempt: the outcomes of a 200, else the SDK's exception for the answer.
     *
     * @param budget what is left of the whole call's timeout (credentials may have taken some)
     */
    List<EntryOutcome> send(
            PutRecordsBody body,
            List<PreparedRecord> entries,
            AwsCredentialsIdentity credentials,
            Duration budget) {
        return TimedHttpCall.send(
                http,
                sign(body, credentials),
                body.content(),
                timers,
                Math.min(attemptTimeout.toMillis(), budget.toMillis()),
                response -> answer(response, entries));
    }

    /** Reads the answer to its end, so its connection goes back to the pool. */
    private static List<EntryOutcome> answer(
            HttpExecuteResponse response, List<PreparedRecord> entries) throws IOException {
        SdkHttpResponse head = response.httpResponse();
        try (InputStream body =
                response.responseBody()
                        .map(InputStream.class::cast)
                        .orElse(InputStream.nullInputStream())) {
            if (head.isSuccessful()) {
                List<EntryOutcome> outcomes = PutRecordsAnswers.outcomes(body, entries);
                body.transferTo(java.io.OutputStream.nullOutputStream());
                return outcomes;
            }
            throw PutRecordsAnswers.failure(head, body.readAllBytes());
        }
    }
}
