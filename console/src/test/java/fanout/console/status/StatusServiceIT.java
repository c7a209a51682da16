package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.Session;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.GlobalOptions;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeLambda;
import fanout.console.status.StatusFakes.FakeSts;
import fanout.console.status.StatusFakes.ThrottlingCloudWatch;
import fanout.localaws.LocalAws;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.state.LastError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class StatusServiceIT {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:30Z");
    static final String QUIET = "arn:aws:kinesis:us-west-2:123456789012:stream/quietStream";
    static final AtomicInteger TABLES = new AtomicInteger();

    static LocalAws local;
    static DynamoDbClient dynamo;

    final Clock clock = StatusFakes.clockAt(NOW);
    final InMemoryCloudWatch cloudWatch = new InMemoryCloudWatch(clock);
    final FakeLambda lambda = new FakeLambda();
    String targets;
    String state;

    @BeforeAll
    static void startDynalite() {
        local = LocalAws.start();
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(local.dynamoEndpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .httpClient(ApacheHttpClient.builder().build())
                        .build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        local.close();
    }

    @BeforeEach
    void createTables() {
        int n = TABLES.incrementAndGet();
        targets = "status" + n + "Targets";
        state = "status" + n + "State";
        createTable(targets, "sourceArn", "id");
        createTable(state, "pk", "sk");
        lambda.environment.put("FANOUT_TARGETS_TABLE", targets);
        lambda.environment.put("FANOUT_STATE_TABLE", state);
    }

    static void createTable(String name, String hash, String range) {
        dynamo.createTable(
                b ->
                        b.tableName(name)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName(hash)
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName(range)
                                                        .attributeType(ScalarAttributeType.S))
                                .keySchema(
                                        k -> k.attributeName(hash).keyType(KeyType.HASH),
                                        k -> k.attributeName(range).keyType(KeyType.RANGE)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    void mapping(String source, String id, boolean active, Instant updatedAt) {
        Mapping mapping =
                Mapping.kinesis(source, id, id + "Stream")
                        .withActive(active)
                        .withPeople("Student " + id, null, "roster")
                        .withTimes(updatedAt.toString(), updatedAt.toString(), 1);
        dynamo.putItem(b -> b.tableName(targets).item(MappingCodec.toItem(mapping)));
    }

    void lastError(String id, String code, String message, Instant at) {
        dynamo.putItem(
                b ->
                        b.tableName(state)
                                .item(new LastError(SOURCE, id, message, code, at).toItem()));
    }

    void metric(String namespace, String name, double value, Instant at, String... dims) {
        Dimension[] dimensions = new Dimension[dims.length / 2];
        for (int i = 0; i < dims.length; i += 2) {
            dimensions[i / 2] = Dimension.builder().name(dims[i]).value(dims[i + 1]).build();
        }
        cloudWatch.putMetricData(
                b ->
                        b.namespace(namespace)
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName(name)
                                                .dimensions(dimensions)
                                                .value(value)
                                                .timestamp(at)
                                                .build()));
    }

    void target(String id, String name, double value, Instant at) {
        metric(
                "Fanout",
                name,
                value,
                at,
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream",
                "Target",
                id);
    }

    StatusService service(CloudWatchClient metrics) {
        Session session =
                StatusFakes.session(
                        new Clients(dynamo, lambda, new FakeSts(), metrics),
                        clock,
                        GlobalOptions.defaults());
        return new StatusService(session);
    }

    StatusSnapshot busyClass() {
        Instant longAgo = NOW.minus(Duration.ofHours(3));
        mapping(SOURCE, "ok01", true, longAgo);
        mapping(SOURCE, "er01", true, longAgo);
        mapping(SOURCE, "si01", true, longAgo);
        mapping(SOURCE, "wa01", true, NOW.minusSeconds(40));
        mapping(SOURCE, "of01", false, longAgo);
        mapping(SOURCE, "la01", true, longAgo);
        mapping(QUIET, "qu01", true, longAgo);
        metric(
                "Fanout",
                "RecordsIn",
                100,
                NOW.minusSeconds(120),
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream");
        target("ok01", "Delivered", 100, NOW.minusSeconds(120));
        target("er01", "Delivered", 60, NOW.minusSeconds(120));
        target("er01", "Failed", 40, NOW.minusSeconds(60));
        lastError(
                "er01",
                "AccessDenied",
                "not authorized to perform kinesis:PutRecords",
                NOW.minusSeconds(50));
        target("la01", "Delivered", 100, NOW.minusSeconds(120));
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName("DeliveryLag")
                                                .dimensions(
                                                        d -> d.name("FunctionName").value("fanout"),
                                                        d ->
                                                                d.name("SourceStream")
                                                                        .value("coreRetailStream"),
                                                        d -> d.name("Target").value("la01"))
                                                .statisticValues(
                                                        StatisticSet.builder()
                                                                .sampleCount(100.0)
                                                                .sum(1e6)
                                                                .minimum(1000.0)
                                                                .maximum(95_000.0)
                                                                .build())
                                                .timestamp(NOW.minusSeconds(120))
                                                .build()));
        return service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
    }

    @Test
    void everyStateComesOutEndToEndWorstFirst() {
        StatusSnapshot snapshot = busyClass();
        Map<String, DestinationStatus> byId = new HashMap<>();
        snapshot.destinations().forEach(d -> byId.put(d.id(), d));
        assertThat(snapshot.destinations())
                .extracting(DestinationStatus::id)
                .containsExactly("er01", "si01", "la01", "wa01", "ok01", "of01");
        assertThat(byId.get("ok01").state()).isEqualTo(DestinationState.OK);
        assertThat(byId.get("ok01").delivered()).isEqualTo(100);
        assertThat(byId.get("ok01").lastDeliveryAt())
                .isEqualTo(Instant.parse("2026-11-25T09:58:00Z"));
        assertThat(byId.get("er01").state()).isEqualTo(DestinationState.ERROR);
        assertThat(byId.get("er01").failed()).isEqualTo(40);
        assertThat(byId.get("er01").lastError()).contains("kinesis:PutRecords");
        assertThat(byId.get("er01").lastErrorCode()).isEqualTo("AccessDenied");
        assertThat(byId.get("si01").state()).isEqualTo(DestinationState.ERROR);
        assertThat(byId.get("si01").reason())
                .isEqualTo("no deliveries while the source had 100 records");
        assertThat(byId.get("wa01").state()).isEqualTo(DestinationState.WAITING);
        assertThat(byId.get("wa01").firstDeliveryExpectedAt()).isEqualTo(NOW.plusSeconds(110));
        assertThat(byId.get("la01").state()).isEqualTo(DestinationState.LAG);
        assertThat(byId.get("la01").lagMs()).isEqualTo(95_000);
        assertThat(byId.get("of01").state()).isEqualTo(DestinationState.INACTIVE);
        assertThat(snapshot.account()).isEqualTo(StatusFakes.ACCOUNT);
        assertThat(snapshot.recordsIn()).isEqualTo(100);
        assertThat(snapshot.dataAsOf()).isEqualTo(Instant.parse("2026-11-25T09:59:00Z"));
        assertThat(snapshot.windowSeconds()).isEqualTo(300);
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.missing()).isEmpty();
        assertThat(snapshot.metricsPerRefresh()).isEqualTo(6 * 6 + 4);
        assertThat(snapshot.countsByState())
                .containsEntry(DestinationState.ERROR, 2)
                .containsEntry(DestinationState.IDLE, 0);
    }

    @Test
    void aQuietSourceMakesIdle() {
        busyClass();
        StatusSnapshot quiet =
                service(cloudWatch).snapshot(Optional.of(QUIET), Duration.ofMinutes(5));
        assertThat(quiet.destinations())
                .extracting(DestinationStatus::id, DestinationStatus::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qu01", DestinationState.IDLE));
    }

    @Test
    void oneRefreshIsOneGetMetricDataCallForASmallClass() {
        busyClass();
        assertThat(cloudWatch.getMetricDataCalls()).isEqualTo(1);
    }

    @Test
    void aThrottledGetMetricDataIsAProblemAndTheMappingsAreStillShown() {
        mapping(SOURCE, "ab12", true, NOW.minus(Duration.ofHours(1)));
        lastError("ab12", "ResourceNotFound", "Stream ab12Stream not found", NOW.minusSeconds(30));
        ThrottlingCloudWatch throttling = new ThrottlingCloudWatch();
        StatusSnapshot snapshot =
                service(throttling).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(throttling.calls).isEqualTo(1);
        assertThat(snapshot.problems())
                .singleElement()
                .asString()
                .contains("cloudwatch:GetMetricData")
                .contains("Throttling")
                .contains("AWS is throttling requests");
        assertThat(snapshot.destinations())
                .singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DestinationState.ERROR))
                .satisfies(d -> assertThat(d.lastError()).contains("not found"));
        assertThat(snapshot.missing()).isEmpty();
    }

    @Test
    void aMissingFunctionIsSaidAndTheWorkshopsSourceIsUsed() {
        lambda.exists = false;
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.empty(), Duration.ofMinutes(5));
        assertThat(snapshot.missing()).contains("function fanout");
        assertThat(snapshot.problems()).anySatisfy(p -> assertThat(p).contains("fanout deploy"));
        assertThat(snapshot.source()).isEqualTo(SOURCE);
        assertThat(StatusCommand.exitCode(snapshot)).isEqualTo(ExitCodes.AWS);
    }

    @Test
    void missingTablesAreSaid() {
        lambda.environment.put("FANOUT_TARGETS_TABLE", "noSuchTargets");
        lambda.environment.put("FANOUT_STATE_TABLE", "noSuchState");
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(snapshot.missing()).containsExactly("table noSuchTargets", "table noSuchState");
        assertThat(snapshot.destinations()).isEmpty();
    }

    @Test
    void theFunctionsOnlyHookIsTheSource() {
        lambda.hooks.add(QUIET);
        mapping(QUIET, "qu01", true, NOW.minus(Duration.ofHours(1)));
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.empty(), Duration.ofMinutes(5));
        assertThat(snapshot.source()).isEqualTo(QUIET);
        assertThat(snapshot.destinations())
                .extracting(DestinationStatus::id)
                .containsExactly("qu01");
    }

    @Test
    void severalHooksWithoutSourceArnIsAUsageErrorListingThem() {
        lambda.hooks.addAll(List.of(SOURCE, QUIET));
        assertThatThrownBy(
                        () -> service(cloudWatch).snapshot(Optional.empty(), Duration.ofMinutes(5)))
                .isInstanceOf(FanoutException.class)
                .hasMessageContaining("--source-arn")
                .hasMessageContaining(SOURCE)
                .hasMessageContaining(QUIET)
                .satisfies(
                        e ->
                                assertThat(((FanoutException) e).exitCode())
                                        .isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void theFunctionsNamespaceAndCacheTtlAreUsed() {
        lambda.environment.put("FANOUT_METRIC_NAMESPACE", "Class42");
        lambda.environment.put("FANOUT_MAPPING_CACHE_TTL_SECONDS", "60");
        mapping(SOURCE, "ab12", true, NOW.minusSeconds(160));
        mapping(SOURCE, "cd34", true, NOW.minus(Duration.ofHours(1)));
        metric(
                "Class42",
                "Delivered",
                7,
                NOW.minusSeconds(60),
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream",
                "Target",
                "cd34");
        metric(
                "Class42",
                "RecordsIn",
                7,
                NOW.minusSeconds(60),
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream");
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        // 160 s after activation is past 30 s + 2 min, but within the function's 60 s + 2 min.
        assertThat(snapshot.destinations())
                .extracting(DestinationStatus::id, DestinationStatus::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ab12", DestinationState.WAITING),
                        org.assertj.core.groups.Tuple.tuple("cd34", DestinationState.OK));
    }

    @Test
    void everyQueryPageOfTheTargetsTableIsRead() {
        String padding = "x".repeat(40_000);
        for (int i = 0; i < 30; i++) {
            String id = String.format("p%03d", i);
            Map<String, AttributeValue> item =
                    new HashMap<>(
                            MappingCodec.toItem(
                                    Mapping.kinesis(SOURCE, id, id + "Stream").withActive(true)));
            item.put("notes", AttributeValue.fromS(padding));
            dynamo.putItem(b -> b.tableName(targets).item(item));
        }
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(snapshot.destinations()).hasSize(30);
    }

    @Test
    void historyHasOneSampleForEveryMinuteOfTheSpan() {
        target("ab12", "Delivered", 5, NOW.minusSeconds(600));
        target("ab12", "Failed", 2, NOW.minusSeconds(600));
        target("ab12", "Throttled", 3, NOW.minusSeconds(60));
        DestinationHistory history =
                service(cloudWatch).history(SOURCE, "ab12", Duration.ofMinutes(30));
        assertThat(history.minutes()).hasSize(30);
        assertThat(history.end()).isEqualTo(Instant.parse("2026-11-25T10:01:00Z"));
        assertThat(history.minutes().get(0).minute())
                .isEqualTo(Instant.parse("2026-11-25T09:31:00Z"));
        MinuteSample tenMinutesAgo = history.minutes().get(19);
        assertThat(tenMinutesAgo.minute()).isEqualTo(Instant.parse("2026-11-25T09:50:00Z"));
        assertThat(tenMinutesAgo.delivered()).isEqualTo(5);
        assertThat(tenMinutesAgo.failed()).isEqualTo(2);
        assertThat(history.minutes().get(28).throttled()).isEqualTo(3);
        assertThat(history.minutes().get(29).delivered()).isZero();
        assertThat(history.problems()).isEmpty();
    }
}
