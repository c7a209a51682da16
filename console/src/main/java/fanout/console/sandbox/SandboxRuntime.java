package fanout.console.sandbox;

import fanout.ForwarderServices;
import fanout.console.aws.AwsClients;
import fanout.console.aws.policy.AuthorizingClient;
import fanout.console.aws.policy.CallLog;
import fanout.console.aws.policy.Caller;
import fanout.console.session.SessionLog;
import fanout.mapping.Arn;
import fanout.time.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The whole local class, running: dynalite and kinesalite (one node child), the simulated student
 * accounts, the in-memory Lambda running the real forwarder behind the event-source-mapping
 * emulator, and the traffic generator. Nothing is registered: the leader walks the real steps.
 */
public final class SandboxRuntime implements AutoCloseable {
    public static final String REGION = "us-west-2";
    public static final String SOURCE_STREAM = "coreRetailStream";
    public static final int SOURCE_SHARDS = 2;
    static final String FUNCTION_ROLE_SESSION =
            "arn:"
                    + Arn.partitionOf(REGION)
                    + ":sts::"
                    + SimulatedAccounts.LEADER_ACCOUNT
                    + ":assumed-role/fanoutRole/fanout";
    private static final int THREADS = 6;

    private final Instant started;
    private final Clock clock;
    private final Consumer<String> log;
    private final LocalServers local;
    private final SimulatedAccounts accounts;
    private final ScheduledExecutorService scheduler;
    private SandboxClients clients;
    private CallLog calls;
    private EventSourceMappingEmulator emulator;
    private TrafficGenerator traffic;
    private final AtomicBoolean firstDelivery = new AtomicBoolean();
    private final AtomicInteger delivered = new AtomicInteger();

    private SandboxRuntime(SandboxSettings settings, Clock clock, Consumer<String> log) {
        this.clock = clock;
        this.log = log;
        this.started = clock.instant();
        this.local = LocalServers.start(settings.home());
        this.accounts =
                new SimulatedAccounts(
                        local.kinesalite(),
                        settings.students(),
                        this::delivered,
                        FUNCTION_ROLE_SESSION);
        ScheduledThreadPoolExecutor pool =
                new ScheduledThreadPoolExecutor(THREADS, DaemonThreads.named("sandbox-"));
        pool.setRemoveOnCancelPolicy(true);
        this.scheduler = pool;
    }

    /**
     * A new sandbox is a new class: the session log of an earlier one would mix into its results.
     */
    private void forgetEarlierRehearsals() {
        try {
            SessionLog.forget(Path.of(""), SimulatedAccounts.LEADER_ACCOUNT)
                    .forEach(
                            file -> log.accept("new class: removed the earlier sandbox's " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier sandbox's session log", e);
        }
    }

    /**
     * Starts the local class: servers, streams, in-memory services, forwarder, emulator, traffic.
     */
    public static SandboxRuntime start(
            SandboxSettings settings, Clock clock, Consumer<String> log) {
        // kinesalite speaks JSON only; the SDK reads this before building a Kinesis client.
        if (System.getProperty("aws.cborEnabled") == null) {
            System.setProperty("aws.cborEnabled", "false");
        }
        SandboxRuntime runtime = new SandboxRuntime(settings, clock, log);
        try {
            runtime.open(settings);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void open(SandboxSettings settings) {
        forgetEarlierRehearsals();
        KinesisClient leader = accounts.leaderView(REGION);
        leader.createStream(r -> r.streamName(SOURCE_STREAM).shardCount(SOURCE_SHARDS));
        accounts.createStudentStreams();
        InMemoryServices fakes = settings.services().apply(clock);
        calls = fakes.calls();
        Map<String, ForwarderServices> forwarders = new ConcurrentHashMap<>();
        SandboxFunctionRuntime functions =
                new SandboxFunctionRuntime(
                        name -> {
                            Caller caller = fakes.functionCaller(name);
                            return forwarders.computeIfAbsent(
                                    caller.arn(), arn -> forwarderServices(fakes, caller));
                        },
                        REGION,
                        SimulatedAccounts.LEADER_ACCOUNT,
                        log);
        LambdaClient lambda = fakes.lambda(functions);
        clients =
                new SandboxClients(
                        REGION,
                        local.dynamo(),
                        leader,
                        lambda,
                        fakes.iam(),
                        fakes.sts(),
                        fakes.cloudWatch());
        LocalServers.awaitActive(leader, SOURCE_STREAM, clock);
        emulator = new EventSourceMappingEmulator(lambda, leader, fakes.cloudWatch(), clock, log);
        emulator.start(scheduler);
        traffic =
                new TrafficGenerator(
                        leader, sourceArn(), settings.rate(), new Random(), clock, log);
        traffic.start(scheduler);
    }

    /**
     * What a function's code talks to, as its execution role: DynamoDB (dynalite), CloudWatch and
     * Kinesis authorized against that role's policies, as on AWS.
     */
    private ForwarderServices forwarderServices(InMemoryServices fakes, Caller caller) {
        Supplier<Optional<String>> roleId =
                () ->
                        Optional.ofNullable(
                                fakes.iam()
                                        .getRole(r -> r.roleName(roleName(caller)))
                                        .role()
                                        .roleId());
        return new ForwarderServices(
                AuthorizingClient.wrap(DynamoDbClient.class, local.dynamo(), caller, REGION, calls),
                fakes.cloudWatch(caller),
                new AuthorizedAccounts(accounts, caller, () -> safely(roleId), calls),
                clock);
    }

    private static String roleName(Caller caller) {
        String[] path =
                caller.arn().substring(caller.arn().indexOf(":assumed-role/") + 14).split("/");
        return path[0];
    }

    private static Optional<String> safely(Supplier<Optional<String>> roleId) {
        try {
            return roleId.get();
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /** Every call the console and the forwarder made through IAM, with its decision. */
    public CallLog calls() {
        return calls;
    }

    public AwsClients clients() {
        return clients;
    }

    public String sourceArn() {
        return Arn.kinesisStreamArn(REGION, SimulatedAccounts.LEADER_ACCOUNT, SOURCE_STREAM);
    }

    public SimulatedAccounts accounts() {
        return accounts;
    }

    public URI kinesisEndpoint() {
        return local.servers().kinesisEndpoint();
    }

    public URI dynamoEndpoint() {
        return local.servers().dynamoEndpoint();
    }

    public long recordsSent() {
        return traffic == null ? 0 : traffic.sent();
    }

    /** Records written to students' streams so far (all students). */
    public int recordsDelivered() {
        return delivered.get();
    }

    public Instant started() {
        return started;
    }

    @Override
    public void close() {
        if (traffic != null) {
            traffic.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        local.close();
    }

    private void delivered(String studentId, int records) {
        delivered.addAndGet(records);
        if (firstDelivery.compareAndSet(false, true)) {
            double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
            log.accept(
                    String.format(
                            Locale.ROOT,
                            "first record delivered to %s after %.1f s",
                            studentId,
                            seconds));
        }
    }
}
