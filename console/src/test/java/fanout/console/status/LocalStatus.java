package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeLambda;
import fanout.console.status.StatusFakes.FakeSts;
import fanout.localaws.LocalAws;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.state.LastError;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Shared by the status ITs: dynalite with fresh tables per test, the in-memory CloudWatch and
 * Lambda, and the rows and metrics a test writes
 */
abstract class LocalStatus {
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

    /** A row a student wrote themselves through the Slack bot. */
    void selfRegistered(String source, String id, Instant updatedAt) {
        Mapping mapping =
                Mapping.kinesis(source, id, id + "Stream")
                        .withPeople("slack " + id, null, DestinationStatus.SELF_REGISTERED)
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
        StatusFakes.publish(cloudWatch, namespace, name, value, at, dims);
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
}
