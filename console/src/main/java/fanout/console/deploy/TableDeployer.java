package fanout.console.deploy;

import fanout.console.aws.NotFound;
import fanout.console.deploy.StepOutcome.Kind;
import fanout.console.problem.AwsAccessException;
import fanout.time.Sleeper;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** A table with a string hash and range key, on demand: created when missing, awaited ACTIVE. */
record TableDeployer(DynamoDbClient dynamo, Sleeper sleeper) {

    StepOutcome table(
            String name, String hash, String range, boolean dryRun, Consumer<String> progress) {
        Optional<TableDescription> existing = describe(name);
        if (existing.isEmpty()) {
            if (dryRun) {
                return new StepOutcome(
                        Kind.PLANNED,
                        "create table " + name + " (" + hash + ", " + range + "), on demand");
            }
            create(name, hash, range);
            awaitActive(name, progress);
            return new StepOutcome(Kind.CREATED, "table " + name);
        }
        requireKeys(existing.get(), hash, range);
        if (existing.get().tableStatus() != TableStatus.ACTIVE && !dryRun) {
            awaitActive(name, progress);
        }
        return new StepOutcome(Kind.UP_TO_DATE, "table " + name);
    }

    private void create(String name, String hash, String range) {
        try {
            dynamo.createTable(
                    r ->
                            r.tableName(name)
                                    .billingMode(BillingMode.PAY_PER_REQUEST)
                                    .attributeDefinitions(attribute(hash), attribute(range))
                                    .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE)));
        } catch (ResourceInUseException e) {
            // Created meanwhile (another deploy, or a retry after a lost response): await it.
        }
    }

    private void awaitActive(String name, Consumer<String> progress) {
        Polling.TABLE_ACTIVE.await(
                "table " + name + " to become ACTIVE",
                () -> describe(name).filter(table -> table.tableStatus() == TableStatus.ACTIVE),
                sleeper,
                progress);
    }

    private static void requireKeys(TableDescription table, String hash, String range) {
        List<KeySchemaElement> expected =
                List.of(key(hash, KeyType.HASH), key(range, KeyType.RANGE));
        if (!table.keySchema().equals(expected)) {
            throw new AwsAccessException(
                    "table "
                            + table.tableName()
                            + " exists with key "
                            + table.keySchema()
                            + ", expected HASH "
                            + hash
                            + " and RANGE "
                            + range
                            + ": use another --function name or remove the table");
        }
    }

    private Optional<TableDescription> describe(String name) {
        return NotFound.asEmpty(() -> dynamo.describeTable(r -> r.tableName(name)).table());
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
