package fanout.console.status;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import fanout.state.StateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link StatusReads} on the SDK: DynamoDB Query (every page), Lambda GetFunctionConfiguration and
 * ListEventSourceMappings, STS GetCallerIdentity. SDK exceptions propagate; the service turns them
 * into problems.
 */
final class SdkStatusReads implements StatusReads {
    private final DynamoDbClient dynamo;
    private final LambdaClient lambda;
    private final StsClient sts;

    SdkStatusReads(DynamoDbClient dynamo, LambdaClient lambda, StsClient sts) {
        this.dynamo = dynamo;
        this.lambda = lambda;
        this.sts = sts;
    }

    @Override
    public String account() {
        return sts.getCallerIdentity().account();
    }

    @Override
    public FunctionFacts function(String functionName) {
        try {
            GetFunctionConfigurationResponse config =
                    lambda.getFunctionConfiguration(b -> b.functionName(functionName));
            Map<String, String> env =
                    config.environment() == null || config.environment().variables() == null
                            ? Map.of()
                            : config.environment().variables();
            return FunctionFacts.fromEnvironment(functionName, env, config.role())
                    .withCondition(condition(config));
        } catch (ResourceNotFoundException e) {
            return FunctionFacts.missing(functionName);
        }
    }

    private static FunctionCondition condition(GetFunctionConfigurationResponse config) {
        boolean updateFailed = "Failed".equals(config.lastUpdateStatusAsString());
        return new FunctionCondition(
                config.stateAsString(),
                config.lastUpdateStatusAsString(),
                updateFailed ? config.lastUpdateStatusReason() : config.stateReason());
    }

    @Override
    public List<String> kinesisHooks(String functionName) {
        try {
            return hooks(functionName);
        } catch (ResourceNotFoundException e) {
            // No function, no hooks: status then falls back to the workshop's source.
            return List.of();
        }
    }

    private List<String> hooks(String functionName) {
        return lambda
                .listEventSourceMappingsPaginator(
                        ListEventSourceMappingsRequest.builder().functionName(functionName).build())
                .eventSourceMappings()
                .stream()
                .map(EventSourceMappingConfiguration::eventSourceArn)
                .filter(arn -> arn != null && arn.contains(":kinesis:"))
                .distinct()
                .collect(Collectors.toList());
    }

    @Override
    public List<Mapping> mappings(String table, String sourceArn) {
        List<Mapping> mappings = new ArrayList<>();
        query(
                table,
                TargetsTable.SOURCE_ARN,
                sourceArn,
                item -> mappings.add(MappingCodec.fromItem(item)));
        return mappings;
    }

    @Override
    public Map<String, LastError> lastErrors(String table, String sourceArn) {
        Map<String, LastError> errors = new HashMap<>();
        query(
                table,
                StateTable.PK,
                LastError.partitionKey(sourceArn),
                item -> {
                    LastError error = LastError.fromItem(item);
                    errors.put(error.targetId(), error);
                });
        return errors;
    }

    @Override
    public List<ShardCursors> cursors(String table, String sourceArn) {
        List<ShardCursors> shards = new ArrayList<>();
        query(
                table,
                StateTable.PK,
                ShardCursors.partitionKey(sourceArn),
                item -> shards.add(ShardCursors.fromItem(item)));
        return shards;
    }

    private void query(
            String table,
            String keyName,
            String keyValue,
            Consumer<Map<String, AttributeValue>> each) {
        dynamo.queryPaginator(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("#k = :v")
                                .expressionAttributeNames(Map.of("#k", keyName))
                                .expressionAttributeValues(
                                        Map.of(":v", AttributeValue.fromS(keyValue)))
                                .build())
                .items()
                .forEach(each);
    }
}
