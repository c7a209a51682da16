package fanout;

import fanout.forward.StsKinesisClientFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first batch after a cold start spends most of its time loading and initialising classes on
 * its critical path: the SDK's request pipeline at the first mapping read, then the destinations'
 * clients and the direct path in all 32 destination threads at once. This starts that work on a
 * daemon thread of its own as the container initialises, beside the clients being built and the
 * first invocation's reads, so the two cores share it: the SDK's pipeline for DynamoDB and
 * CloudWatch run once against {@link PrimingAnswers} (never the network, made-up credentials), then
 * the destinations' clients for the function's region and the direct path's local steps ({@link
 * StsKinesisClientFactory#prime}). Whichever thread needs a class first loads it for the other. A
 * failure is logged and changes nothing else. {@code -Dfanout.priming=false} turns it off (the
 * benchmark's comparison).
 */
final class ColdStart {
    private static final Logger LOG = Logger.getLogger(ColdStart.class.getName());

    static final String PROPERTY = "fanout.priming";

    /**
     * How long a SnapStart initialisation waits for priming: well inside Lambda's 10 s for an
     * initialisation, and priming takes about a second.
     */
    static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(8);

    /**
     * How long {@link InvokePriming} may run before a snapshot: with the steps before it, well
     * inside {@link #SNAPSHOT_WAIT}.
     */
    static final Duration INVOKE_PRIMING_BUDGET = Duration.ofSeconds(4);

    /** How long priming waits for the destinations' factory to be built. */
    private static final Duration FACTORY_WAIT = Duration.ofSeconds(10);

    private static final String TABLE = "fanout-priming";

    static final AwsCredentialsProvider MADE_UP =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPRIMING", "priming"));

    private ColdStart() {}

    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /**
     * Starts priming for the container's configuration; the destinations' part waits for {@code
     * destinations}. Before a SnapStart snapshot it then also runs {@link InvokePriming}, whole
     * invocations against in-memory answers, which only a snapshot keeps (on demand they would
     * compete with the first batch for the CPU).
     *
     * @return the priming thread, started
     */
    static Thread primeInBackground(
            ForwarderConfig config,
            ScheduledExecutorService timers,
            Clock clock,
            CompletableFuture<StsKinesisClientFactory> destinations) {
        Thread priming =
                new Thread(
                        () -> {
                            prime(config.region(), timers, destinations);
                            if (config.snapshotInit()) {
                                invocations(config, timers, clock);
                            }
                        },
                        "fanout-cold-start");
        priming.setDaemon(true);
        priming.start();
        return priming;
    }

    private static void invocations(
            ForwarderConfig config, ScheduledExecutorService timers, Clock clock) {
        try {
            int rounds =
                    InvokePriming.run(
                            config,
                            timers,
                            clock,
                            INVOKE_PRIMING_BUDGET,
                            new PrimingAnswers(config.targetsTable(), config.region()));
            LOG.info("primed the snapshot with " + rounds + " in-memory invocations");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "priming invocations failed; the snapshot goes without", e);
        }
    }

    /**
     * Under SnapStart the snapshot is taken when the initialisation returns: waiting here puts the
     * primed classes into it, so no restored environment primes again. A priming that outlives
     * {@link #SNAPSHOT_WAIT} is left to finish after the restore, and logged.
     */
    static void finishBeforeSnapshot(Thread priming) {
        finishBeforeSnapshot(priming, SNAPSHOT_WAIT);
    }

    static void finishBeforeSnapshot(Thread priming, Duration wait) {
        try {
            priming.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (priming.isAlive()) {
            LOG.warning(
                    "priming did not finish within "
                            + wait.toMillis()
                            + " ms; the snapshot is taken without the rest");
        }
    }

    /**
     * In the order the first batch needs them: the SDK's pipelines (the mapping and cursor reads
     * come first), then the destinations' clients and the direct path's local steps once the
     * container has built their factory. Each step's failure is logged and the next one runs.
     */
    static void prime(
            String region,
            ScheduledExecutorService timers,
            CompletableFuture<StsKinesisClientFactory> destinations) {
        try {
            pipelines(Region.of(region), timers, new PrimingAnswers(TABLE, region));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "priming the SDK's pipeline failed; going on without", e);
        }
        try {
            destinations.get(FACTORY_WAIT.toMillis(), TimeUnit.MILLISECONDS).prime();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.WARNING, "priming the destinations' clients failed; going on without", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A mapping read, a cursor read and a metrics call, each answered by {@link PrimingAnswers}.
     */
    static void pipelines(Region region, ScheduledExecutorService timers, SdkHttpClient local) {
        try (DynamoDbClient dynamo = AwsServices.dynamo(local, MADE_UP, region, timers);
                CloudWatchClient cloudWatch =
                        AwsServices.cloudWatch(local, MADE_UP, region, timers)) {
            dynamo.query(
                    q ->
                            q.tableName(TABLE)
                                    .keyConditionExpression("#k = :k")
                                    .expressionAttributeNames(Map.of("#k", "sourceArn"))
                                    .expressionAttributeValues(
                                            Map.of(":k", AttributeValue.fromS(TABLE))));
            dynamo.getItem(
                    g ->
                            g.tableName(TABLE)
                                    .key(Map.of("id", AttributeValue.fromS(TABLE)))
                                    .consistentRead(true));
            cloudWatch.putMetricData(
                    p ->
                            p.namespace(TABLE)
                                    .metricData(
                                            MetricDatum.builder()
                                                    .metricName("Priming")
                                                    .dimensions(
                                                            Dimension.builder()
                                                                    .name("Target")
                                                                    .value(TABLE)
                                                                    .build())
                                                    .timestamp(Instant.now())
                                                    .unit(StandardUnit.COUNT)
                                                    .value(1.0)
                                                    .build()));
        }
    }
}
