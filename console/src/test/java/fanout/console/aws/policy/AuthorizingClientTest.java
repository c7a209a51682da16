package fanout.console.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.InMemoryCloudWatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class AuthorizingClientTest {
    private static final String FUNCTION =
            "arn:aws:sts::123456789012:assumed-role/fanoutRole/fanout";
    private static final String READ_STATE =
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:Query\"],"
                    + "\"Resource\":\"arn:aws:dynamodb:us-west-2:123456789012:table/fanoutState\"},"
                    + "{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:PutMetricData\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"cloudwatch:namespace\":\"Fanout\"}}}]}";

    private final CallLog log = new CallLog();
    private final Caller function = Caller.withPolicies(FUNCTION, List.of(READ_STATE));
    private final RecordingDynamo dynamo = new RecordingDynamo();

    @Test
    void aCallThePolicyDoesNotGrantIsRefusedAsDynamoDbRefusesItAndNeverReachesTheTable() {
        DynamoDbClient client =
                AuthorizingClient.wrap(DynamoDbClient.class, dynamo, function, "us-west-2", log);

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(stateWrite())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(
                        "User: "
                                + FUNCTION
                                + " is not authorized to perform: dynamodb:BatchWriteItem on"
                                + " resource: arn:aws:dynamodb:us-west-2:123456789012:table/fanoutState"
                                + " because no identity-based policy allows the"
                                + " dynamodb:BatchWriteItem action")
                .satisfies(
                        e -> {
                            AwsServiceException error = (AwsServiceException) e;
                            assertThat(error.statusCode()).isEqualTo(400);
                            assertThat(error.awsErrorDetails().errorCode())
                                    .isEqualTo("AccessDeniedException");
                        });
        assertThat(dynamo.calls).isEmpty();
        assertThat(log.denied())
                .extracting(CallLog.Call::action)
                .containsExactly("dynamodb:BatchWriteItem");
    }

    @Test
    void aGrantedCallThroughAConsumerBuilderOrAPaginatorReachesTheClientAndIsRecorded() {
        DynamoDbClient client =
                AuthorizingClient.wrap(DynamoDbClient.class, dynamo, function, "us-west-2", log);

        client.query(q -> q.tableName("fanoutState"));
        client.queryPaginator(QueryRequest.builder().tableName("fanoutState").build())
                .items()
                .forEach(item -> {});

        assertThat(dynamo.calls).containsExactly("query fanoutState", "query fanoutState");
        assertThat(log.calls())
                .containsExactly(
                        new CallLog.Call(
                                FUNCTION,
                                "dynamodb:Query",
                                "arn:aws:dynamodb:us-west-2:123456789012:table/fanoutState",
                                Map.of(),
                                Decision.ALLOWED));
    }

    @Test
    void putMetricDataOutsideTheFunctionsNamespaceIsRefusedAsCloudWatchRefusesIt() {
        CloudWatchClient cloudWatch =
                AuthorizingClient.wrap(
                        CloudWatchClient.class,
                        new InMemoryCloudWatch(
                                Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC)),
                        function,
                        "us-west-2",
                        log);

        cloudWatch.putMetricData(
                p -> p.namespace("Fanout").metricData(d -> d.metricName("m").value(1.0)));
        assertThatThrownBy(
                        () ->
                                cloudWatch.putMetricData(
                                        p ->
                                                p.namespace("Other")
                                                        .metricData(
                                                                d -> d.metricName("m").value(1.0))))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(
                        e -> {
                            AwsServiceException error = (AwsServiceException) e;
                            assertThat(error.statusCode()).isEqualTo(403);
                            assertThat(error.awsErrorDetails().errorCode())
                                    .isEqualTo("AccessDenied");
                        });
    }

    private static Map<String, List<WriteRequest>> stateWrite() {
        return Map.of(
                "fanoutState",
                List.of(
                        WriteRequest.builder()
                                .putRequest(
                                        PutRequest.builder()
                                                .item(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS("error#x"),
                                                                "sk",
                                                                AttributeValue.fromS("ab12")))
                                                .build())
                                .build()));
    }

    private static final class RecordingDynamo implements DynamoDbClient {
        final List<String> calls = new ArrayList<>();

        @Override
        public QueryResponse query(QueryRequest request) {
            calls.add("query " + request.tableName());
            return QueryResponse.builder().items(List.of()).build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            calls.add("batchWriteItem " + request.requestItems().keySet());
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }
}
