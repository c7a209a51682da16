package fanout.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** dynalite for tests: a client with test credentials, and tables keyed like the project's. */
public final class LocalTables {
    private static final int READY_POLLS = 200;
    private static final long READY_POLL_MILLIS = 25;

    private LocalTables() {}

    /** A DynamoDB client for the local endpoint, in us-west-2, with static test credentials. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /**
     * Creates an on-demand table with string {@code hash} and {@code range} keys (as the targets
     * and state tables are) and returns once it is ACTIVE. The SDK's waiter polls every 20 s;
     * dynalite is ready in moments, so this polls every 25 ms.
     */
    public static void create(DynamoDbClient dynamo, String name, String hash, String range) {
        dynamo.createTable(
                b ->
                        b.tableName(name)
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName(hash)
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName(range)
                                                        .attributeType(ScalarAttributeType.S))
                                .keySchema(
                                        k -> k.attributeName(hash).keyType(KeyType.HASH),
                                        k -> k.attributeName(range).keyType(KeyType.RANGE))
                                .billingMode("PAY_PER_REQUEST"));
        for (int i = 0; i < READY_POLLS; i++) {
            String status =
                    dynamo.describeTable(b -> b.tableName(name)).table().tableStatusAsString();
            if (status.equals("ACTIVE")) {
                return;
            }
            try {
                Thread.sleep(READY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " was created", e);
            }
        }
        throw new IllegalStateException(name + " is not ACTIVE after 5 s");
    }
}
