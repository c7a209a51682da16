package fanout.console.mapping;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.SessionFactory;
import fanout.console.aws.AwsClients;
import fanout.console.workshop.WorkshopCatalog;
import fanout.localaws.LocalAws;
import fanout.mapping.TargetsTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * dynalite for the mapping and roster tests: a DynamoDB client that counts BatchWriteItem calls,
 * the targets table, and sessions that point at it.
 */
public final class LocalTargets implements AutoCloseable {
    public static final String SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    public static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    private final LocalAws local;
    private final DynamoDbClient dynamo;
    private final AtomicInteger batchWrites = new AtomicInteger();

    public LocalTargets() {
        local = LocalAws.start();
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(local.dynamoEndpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .httpClient(ApacheHttpClient.builder().build())
                        .overrideConfiguration(c -> c.addExecutionInterceptor(new Counter()))
                        .build();
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** BatchWriteItem calls since the last {@link #resetCount()}. */
    public int batchWrites() {
        return batchWrites.get();
    }

    public void resetCount() {
        batchWrites.set(0);
    }

    /** A fresh targets table named {@code <function>Targets}. */
    public String createTable(String function) {
        String table = TargetsTable.defaultName(function);
        dynamo.createTable(
                r ->
                        r.tableName(table)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName(TargetsTable.SOURCE_ARN)
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName(TargetsTable.ID)
                                                        .attributeType(ScalarAttributeType.S))
                                .keySchema(
                                        k ->
                                                k.attributeName(TargetsTable.SOURCE_ARN)
                                                        .keyType(KeyType.HASH),
                                        k ->
                                                k.attributeName(TargetsTable.ID)
                                                        .keyType(KeyType.RANGE)));
        // dynalite creates tables in about half a second; the SDK waiter would poll every 20 s.
        org.awaitility.Awaitility.await()
                .pollInterval(java.time.Duration.ofMillis(50))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () ->
                                dynamo.describeTable(r -> r.tableName(table)).table().tableStatus()
                                        == software.amazon.awssdk.services.dynamodb.model
                                                .TableStatus.ACTIVE);
        return table;
    }

    public DynamoMappingRepository repository(String table) {
        return new DynamoMappingRepository(dynamo, table, "us-west-2", CLOCK, pause -> {});
    }

    /** Sessions whose DynamoDB is dynalite and whose STS says account 123456789012. */
    public SessionFactory sessions() {
        WorkshopCatalog catalog = new WorkshopCatalog(Optional.empty());
        return options -> session(options, catalog);
    }

    private Session session(GlobalOptions options, WorkshopCatalog catalog) {
        return new Session(options, catalog.load(options.workshop()), new Clients(), CLOCK, false);
    }

    @Override
    public void close() {
        dynamo.close();
        local.close();
    }

    private final class Counter implements ExecutionInterceptor {
        @Override
        public void beforeExecution(
                Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof BatchWriteItemRequest) {
                batchWrites.incrementAndGet();
            }
        }
    }

    /** dynalite and the fake STS; the rest is not used by these commands. */
    private final class Clients implements AwsClients {
        private final StsClient sts = new FakeSts();

        @Override
        public String region() {
            return "us-west-2";
        }

        @Override
        public DynamoDbClient dynamo() {
            return dynamo;
        }

        @Override
        public KinesisClient kinesis() {
            throw new UnsupportedOperationException("kinesis is not used here");
        }

        @Override
        public LambdaClient lambda() {
            throw new UnsupportedOperationException("lambda is not used here");
        }

        @Override
        public IamClient iam() {
            throw new UnsupportedOperationException("iam is not used here");
        }

        @Override
        public StsClient sts() {
            return sts;
        }

        @Override
        public CloudWatchClient cloudWatch() {
            throw new UnsupportedOperationException("cloudwatch is not used here");
        }

        @Override
        public void close() {
            // The dynalite client outlives each command; the test closes it.
        }
    }
}
