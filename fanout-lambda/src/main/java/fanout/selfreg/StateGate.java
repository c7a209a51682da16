package fanout.selfreg;

import fanout.check.Required;
import fanout.state.ClassSetting;
import fanout.state.ReplayMark;
import fanout.state.StateTable;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What the state table says about a request: whether its signature was served before (a conditional
 * put, so it holds across containers) and whether the leader has closed registration.
 */
public record StateGate(DynamoDbClient dynamo, String table) {
    public StateGate {
        Required.all("dynamo, table", dynamo, table);
    }

    /** True the first time a signature is seen; false for every replay of it. */
    public boolean firstDelivery(String signature, Instant expiresAt) {
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(new ReplayMark(signature, expiresAt).toItem())
                                    .conditionExpression(ReplayMark.CONDITION));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public boolean registrationLocked() {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .consistentRead(true)
                                                .key(
                                                        StateTable.key(
                                                                ClassSetting.PARTITION_KEY,
                                                                ClassSetting.SELFREG_LOCK)))
                        .item();
        return item != null && !item.isEmpty() && ClassSetting.fromItem(item).locked();
    }
}
