package fanout.bench;

import fanout.ForwarderConfig;
import fanout.forward.KinesisClientFactory;
import fanout.forward.PutRecordsPath;
import fanout.forward.StsKinesisClientFactory;
import fanout.forward.StubAwsHttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** What scenarios 4 and 5 run: client layers on the stub, protocols, the handler's environment. */
final class SdkVariants {
    static final int STUDENTS = 300;
    static final int RECORDS = 100;

    static final AwsCredentialsProvider OWN =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOWN", "secret"));

    private SdkVariants() {}

    /** Builds the client layer under test on the stub. */
    interface Layer {
        KinesisClientFactory build(StubAwsHttpClient http, ScheduledExecutorService timers);
    }

    static final Layer PER_ROLE_CLIENTS =
            (http, timers) -> new PerRoleClientFactory(http, OWN, "us-west-2");

    static final Layer SHARED_CLIENT = path(PutRecordsPath.SDK);

    /** PutRecords marshalled once per batch, signed per destination (issue 11, second pass). */
    static final Layer DIRECT = path(PutRecordsPath.DIRECT);

    private static Layer path(PutRecordsPath path) {
        return (http, timers) ->
                new StsKinesisClientFactory(
                        http, OWN, "us-west-2", timers, Clock.systemUTC(), path);
    }

    /** What is run: a client layer, a protocol, the handler's extra environment, the load. */
    record Variant(
            String name,
            Layer layer,
            boolean cbor,
            Map<String, String> environment,
            int records,
            Duration latency) {
        Variant withRecords(int more) {
            return new Variant(name, layer, cbor, environment, more, latency);
        }

        Variant withLatency(Duration roundTrip) {
            return new Variant(name, layer, cbor, environment, records, roundTrip);
        }
    }

    static final Map<String, String> METRICS_EVERY_10_S =
            Map.of(ForwarderConfig.METRICS_INTERVAL, "10");

    /** What {@code deploy} sets (C2 comes from the JVM's flags). */
    static final Map<String, String> DEPLOYED = Map.of(ForwarderConfig.METRICS_INTERVAL, "5");

    static final Variant BEFORE_JSON =
            new Variant(
                    "per-role clients (before)",
                    PER_ROLE_CLIENTS,
                    false,
                    Map.of(),
                    RECORDS,
                    Duration.ZERO);
    static final Variant BEFORE_CBOR =
            new Variant(
                    "per-role clients (before)",
                    PER_ROLE_CLIENTS,
                    true,
                    Map.of(),
                    RECORDS,
                    Duration.ZERO);
    static final Variant SHARED_JSON =
            new Variant("shared client", SHARED_CLIENT, false, Map.of(), RECORDS, Duration.ZERO);
    static final Variant SHARED_CBOR =
            new Variant("shared client", SHARED_CLIENT, true, Map.of(), RECORDS, Duration.ZERO);
    static final Variant SHARED_CBOR_METRICS_10_S =
            new Variant(
                    "shared client, metrics every 10 s",
                    SHARED_CLIENT,
                    true,
                    METRICS_EVERY_10_S,
                    RECORDS,
                    Duration.ZERO);
    static final Variant DIRECT_JSON =
            new Variant("direct PutRecords", DIRECT, false, Map.of(), RECORDS, Duration.ZERO);

    /** The two paths as deployed: the SDK's client speaks CBOR on AWS, the direct path JSON. */
    static final Variant DEPLOYED_SDK =
            new Variant(
                    "sdk path, as deployed", SHARED_CLIENT, true, DEPLOYED, RECORDS, Duration.ZERO);

    static final Variant DEPLOYED_DIRECT =
            new Variant(
                    "direct path, as deployed", DIRECT, false, DEPLOYED, RECORDS, Duration.ZERO);

    /** By the name the child JVMs of {@link PathComparison} are given. */
    static final Map<String, Variant> BY_PATH =
            Map.of("sdk", DEPLOYED_SDK, "direct", DEPLOYED_DIRECT);

    static final List<String> PATHS = List.of("sdk", "direct");
}
