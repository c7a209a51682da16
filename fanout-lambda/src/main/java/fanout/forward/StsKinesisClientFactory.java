package fanout.forward;

import fanout.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.endpoints.KinesisEndpointProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The real destinations' clients: one Kinesis client per region for the container's life, sharing
 * one pooled HTTP client and one timer executor; a student's role is a per-request credentials
 * override on that client, its credentials assumed through STS, cached and refreshed well before
 * they expire. Nothing here grows threads with the class. The forwarder retries on its own, within
 * its time budget, so the Kinesis clients do not.
 */
public final class StsKinesisClientFactory implements KinesisClientFactory, DirectPutRecordsSource {
    /** Refresh assumed credentials this long before they expire (sessions last an hour). */
    public static final Duration PREFETCH = Duration.ofMinutes(10);

    /**
     * Each role renews somewhere within this much before {@link #PREFETCH} more: sessions assumed
     * together (the 300 of a cold start) are then not all renewed in the same invocation fifty
     * minutes later, holding every student's batch for the time of 300 AssumeRole calls.
     */
    public static final Duration PREFETCH_SPREAD = Duration.ofMinutes(20);

    /** Credentials this close to expiry are never used. */
    public static final Duration STALE = Duration.ofMinutes(2);

    /** One PutRecords attempt; a hung connection must not eat the whole budget. */
    public static final Duration CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    /** A whole call, credentials included (the Kinesis clients make one attempt). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);

    /** AssumeRole with the SDK's retries: well inside any invocation's budget. */
    public static final Duration STS_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final SdkHttpClient http;
    private final String functionRegion;
    private final AwsCredentialsProvider ownCredentials;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final StsClient sts;
    private final AssumeRoleCall assumeRole;
    private final Map<String, KinesisClient> byRegion = new ConcurrentHashMap<>();
    private final Map<Key, KinesisClient> byRole = new ConcurrentHashMap<>();
    private final Map<AssumeRoleSpec, AssumedRoleCredentials> roles = new ConcurrentHashMap<>();
    private final Map<AssumeRoleSpec, AwsCredentialsProvider> held = new ConcurrentHashMap<>();
    private final ExpiredSessions expiries;
    private final PutRecordsPath path;
    private final PutRecordsBodies bodies = new PutRecordsBodies();
    private final Map<String, DirectKinesisEndpoint> directByRegion = new ConcurrentHashMap<>();
    private final Map<Key, PutRecordsCall> directByRole = new ConcurrentHashMap<>();

    /** Destinations' PutRecords through the SDK's client ({@link PutRecordsPath#SDK}). */
    public StsKinesisClientFactory(
            SdkHttpClient http,
            AwsCredentialsProvider ownCredentials,
            String functionRegion,
            ScheduledExecutorService timers,
            Clock clock) {
        this(http, ownCredentials, functionRegion, timers, clock, PutRecordsPath.SDK);
    }

    /**
     * @param http shared by every client; closed with this factory
     * @param ownCredentials the function's own, for STS and for destinations without a role
     * @param timers the SDK's timeouts for every client; owned by the caller
     * @param path how destinations' PutRecords calls are made
     */
    public StsKinesisClientFactory(
            SdkHttpClient http,
            AwsCredentialsProvider ownCredentials,
            String functionRegion,
            ScheduledExecutorService timers,
            Clock clock,
            PutRecordsPath path) {
        this.path = Objects.requireNonNull(path, "path is required");
        this.http = Objects.requireNonNull(http, "http is required");
        this.functionRegion = Objects.requireNonNull(functionRegion, "functionRegion is required");
        this.ownCredentials = Objects.requireNonNull(ownCredentials, "ownCredentials is required");
        this.timers = Objects.requireNonNull(timers, "timers is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.expiries = new ExpiredSessions(clock);
        this.sts =
                StsClient.builder()
                        .region(Region.of(functionRegion))
                        .httpClient(http)
                        .credentialsProvider(ownCredentials)
                        .overrideConfiguration(
                                o ->
                                        o.scheduledExecutorService(timers)
                                                .apiCallTimeout(STS_CALL_TIMEOUT))
                        .build();
        this.assumeRole =
                path == PutRecordsPath.DIRECT
                        ? new DirectAssumeRole(
                                http,
                                DirectAssumeRole.of(sts, functionRegion),
                                functionRegion,
                                ownCredentials,
                                timers,
                                clock,
                                STS_CALL_TIMEOUT,
                                Sleeper.SYSTEM)
                        : request -> sts.assumeRole(request).credentials();
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        KinesisClient shared = byRegion.computeIfAbsent(region, this::build);
        if (role.isEmpty()) {
            return shared;
        }
        return byRole.computeIfAbsent(
                new Key(region, role.get()),
                key -> {
                    AssumedRoleCredentials assumed =
                            roles.computeIfAbsent(key.role(), this::assumed);
                    return new RoleKinesisClient(
                            shared,
                            held.computeIfAbsent(
                                    key.role(), r -> new FailureHoldingCredentials(assumed, clock)),
                            assumed);
                });
    }

    @Override
    public Optional<PutRecordsCall> directPutRecords(String region, Optional<AssumeRoleSpec> role) {
        if (path != PutRecordsPath.DIRECT) {
            return Optional.empty();
        }
        DirectKinesisEndpoint endpoint = endpoint(region);
        if (role.isEmpty()) {
            return Optional.of(
                    new DirectPutRecords(
                            endpoint, bodies, ownCredentials, null, clock, CALL_TIMEOUT));
        }
        return Optional.of(
                directByRole.computeIfAbsent(
                        new Key(region, role.get()),
                        key -> {
                            AssumedRoleCredentials assumed =
                                    roles.computeIfAbsent(key.role(), this::assumed);
                            return new DirectPutRecords(
                                    endpoint,
                                    bodies,
                                    held.computeIfAbsent(
                                            key.role(),
                                            r -> new FailureHoldingCredentials(assumed, clock)),
                                    assumed,
                                    clock,
                                    CALL_TIMEOUT);
                        }));
    }

    private DirectKinesisEndpoint endpoint(String region) {
        return directByRegion.computeIfAbsent(
                region,
                r ->
                        new DirectKinesisEndpoint(
                                http,
                                DirectKinesisEndpoint.of(
                                        byRegion.computeIfAbsent(r, this::build), r),
                                r,
                                timers,
                                clock,
                                CALL_ATTEMPT_TIMEOUT));
    }

    /**
     * Builds what the first batch's destinations in the function's region will need: the region's
     * Kinesis client, and on the direct path its endpoint, then runs the direct path's local steps
     * once ({@link ColdStartPriming}). The container's cold start runs it beside the first
     * invocation's reads. Calls no AWS service.
     */
    public void prime() {
        if (path == PutRecordsPath.DIRECT) {
            ColdStartPriming.directPath(endpoint(functionRegion));
        } else {
            byRegion.computeIfAbsent(functionRegion, this::build);
        }
    }

    private KinesisClient build(String region) {
        return KinesisClient.builder()
                .region(Region.of(region))
                .endpointProvider(
                        new CachedKinesisEndpoints(KinesisEndpointProvider.defaultProvider()))
                .httpClient(http)
                .credentialsProvider(ownCredentials)
                .overrideConfiguration(
                        o ->
                                o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                        .scheduledExecutorService(timers)
                                        .apiCallAttemptTimeout(CALL_ATTEMPT_TIMEOUT)
                                        .apiCallTimeout(CALL_TIMEOUT))
                .build();
    }

    /**
     * Refreshed on use by the function's clock (a frozen container cannot refresh ahead), each role
     * at its own point of its session.
     */
    private AssumedRoleCredentials assumed(AssumeRoleSpec spec) {
        return new AssumedRoleCredentials(
                assumeRole, request(spec), clock, prefetch(spec), STALE, expiries);
    }

    /** How long before expiry this role renews: fixed per role, spread across roles. */
    static Duration prefetch(AssumeRoleSpec spec) {
        long mixed = spec.hashCode() * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return PREFETCH.plusSeconds(Math.floorMod(mixed, PREFETCH_SPREAD.toSeconds()));
    }

    static AssumeRoleRequest request(AssumeRoleSpec spec) {
        AssumeRoleRequest.Builder request =
                AssumeRoleRequest.builder()
                        .roleArn(spec.roleArn())
                        .roleSessionName(SessionNames.sanitize(spec.sessionName()));
        spec.externalId().ifPresent(request::externalId);
        return request.build();
    }

    @Override
    public void close() {
        byRegion.values().forEach(KinesisClient::close);
        sts.close();
        http.close();
    }

    private record Key(String region, AssumeRoleSpec role) {}
}
