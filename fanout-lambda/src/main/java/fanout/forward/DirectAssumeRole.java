package fanout.forward;

import fanout.time.Backoff;
import fanout.time.Sleeper;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * AssumeRole in STS's query protocol, as the SDK's client sends it (the same form, headers and
 * SigV4 signature, by {@link SigV4} with the function's signing key kept for the day, through the
 * shared HTTP client) without the SDK's per-call pipeline, which costs about 2 ms of CPU a call on
 * Lambda's C1-only JVM: 600 ms when a container thawed after its sessions' hour renews 300 students
 * at once, and most of a cold start's STS time. Retried as the SDK's standard strategy does (3
 * attempts; throttling, 5xx and network errors; jittered backoff), the whole call within {@code
 * callTimeout}.
 */
final class DirectAssumeRole implements AssumeRoleCall {
    /**
     * Draws on the system's entropy each time (NativePRNG, Linux's default), unlike a generator
     * seeded once: environments restored from one SnapStart snapshot would share its sequence and
     * retry in step.
     */
    private static final SecureRandom JITTER = new SecureRandom();

    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    static final String SIGNING_NAME = "sts";
    static final String VERSION = "2011-06-15";
    static final int ATTEMPTS = 3;

    /** The SDK's standard strategy: full jitter from 100 ms, and from 1 s when throttled. */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20));

    static final Backoff THROTTLED_BACKOFF =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(20));

    private static final String USER_AGENT = "fanout-direct-assumerole aws-sdk-java/2.40.2";

    private final SdkHttpClient http;
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider own;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Duration callTimeout;
    private final Sleeper sleeper;
    private final SigV4 signer;
    private final String path;

    /**
     * @param endpoint where the SDK's STS client for the region sends AssumeRole ({@link #of})
     * @param own the function's own credentials, which assume the students' roles
     * @param timers where the attempt timeout fires; owned by the caller
     */
    DirectAssumeRole(
            SdkHttpClient http,
            URI endpoint,
            String region,
            AwsCredentialsProvider own,
            ScheduledExecutorService timers,
            Clock clock,
            Duration callTimeout,
            Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http is required");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is required");
        this.region = Objects.requireNonNull(region, "region is required");
        this.own = Objects.requireNonNull(own, "own is required");
        this.timers = Objects.requireNonNull(timers, "timers is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout is required");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper is required");
        this.signer = new SigV4(region, SIGNING_NAME);
        this.path = DirectEndpoints.path(endpoint);
        if (!SigV4.signs(path)) {
            throw new IllegalArgumentException(
                    "cannot sign requests to the STS endpoint " + endpoint);
        }
    }

    /**
     * Where the SDK's STS client sends AssumeRole: its endpoint override (the loopback's, {@code
     * aws.endpointUrl}) or else the regional endpoint STS's endpoint rules answer.
     */
    static URI of(StsClient client, String region) {
        String override = DirectEndpoints.override(client);
        return StsEndpointProvider.defaultProvider()
                .resolveEndpoint(
                        p ->
                                p.region(Region.of(region))
                                        .useFips(false)
                                        .useDualStack(false)
                                        .useGlobalEndpoint(false)
                                        .endpoint(override))
                .join()
                .url();
    }

    @Override
    public Credentials assume(AssumeRoleRequest request) {
        byte[] body = form(request);
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            Duration left = callTimeout.minus(Duration.between(start, clock.instant()));
            if (left.isNegative() || left.isZero()) {
                throw ApiCallTimeoutException.create(callTimeout.toMillis());
            }
            try {
                return once(body, attempt, left);
            } catch (StsException | SdkClientException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                Duration pause =
                        (throttled(e) ? THROTTLED_BACKOFF : BACKOFF).jittered(attempt - 1, JITTER);
                if (Duration.between(start, clock.instant()).plus(pause).compareTo(callTimeout)
                        >= 0) {
                    throw e;
                }
                pause(pause);
            }
        }
    }

    /** What the SDK's STS client sends for this request (the form, fields in the model's order). */
    static byte[] form(AssumeRoleRequest request) {
        StringBuilder form =
                new StringBuilder("Action=AssumeRole&Version=")
                        .append(VERSION)
                        .append("&RoleArn=")
                        .append(SdkHttpUtils.urlEncode(request.roleArn()))
                        .append("&RoleSessionName=")
                        .append(SdkHttpUtils.urlEncode(request.roleSessionName()));
        if (request.durationSeconds() != null) {
            form.append("&DurationSeconds=").append(request.durationSeconds());
        }
        if (request.externalId() != null) {
            form.append("&ExternalId=").append(SdkHttpUtils.urlEncode(request.externalId()));
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The request as signed with the function's credentials: what one attempt puts on the wire. */
    SdkHttpRequest sign(byte[] body, int attempt) {
        SdkHttpFullRequest request =
                SdkHttpFullRequest.builder()
                        .method(SdkHttpMethod.POST)
                        .uri(endpoint)
                        .encodedPath(path)
                        .putHeader("Content-Type", CONTENT_TYPE)
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .putHeader("amz-sdk-invocation-id", UUID.randomUUID().toString())
                        .putHeader("amz-sdk-request", "attempt=" + attempt + "; max=" + ATTEMPTS)
                        .putHeader("User-Agent", USER_AGENT)
                        .build();
        return signer.sign(
                request, SigV4.sha256().digest(body), own.resolveCredentials(), clock.instant());
    }

    private Credentials once(byte[] body, int attempt, Duration left) {
        return TimedHttpCall.send(
                http,
                sign(body, attempt),
                ContentStreamProvider.fromByteArrayUnsafe(body),
                timers,
                left.toMillis(),
                response -> {
                    SdkHttpResponse head = response.httpResponse();
                    byte[] answer;
                    try (InputStream in =
                            response.responseBody()
                                    .map(InputStream.class::cast)
                                    .orElse(InputStream.nullInputStream())) {
                        answer = in.readAllBytes();
                    }
                    if (head.isSuccessful()) {
                        return AssumeRoleAnswers.credentials(answer);
                    }
                    throw AssumeRoleAnswers.failure(head, answer, attempt);
                });
    }

    /** What the SDK's standard retry strategy retries: throttling, 5xx, network, a cut attempt. */
    static boolean retryable(RuntimeException e) {
        if (e instanceof StsException sts) {
            return throttled(sts) || sts.statusCode() >= 500;
        }
        return e instanceof ApiCallAttemptTimeoutException
                || (e instanceof SdkClientException && !(e instanceof AbortedException));
    }

    private static boolean throttled(RuntimeException e) {
        return e instanceof StsException sts && AwsFailures.throttled(sts);
    }

    private void pause(Duration pause) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("AssumeRole was interrupted while backing off");
        }
    }
}
