package fanout.console.status;

import fanout.console.aws.AwsErrors;
import fanout.console.aws.LiveAlias;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import fanout.state.StateTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link StatusReads} on the SDK: DynamoDB Query (every page), Lambda GetFunctionConfiguration and
 * ListEventSourceMappings, STS GetCallerIdentity. SDK exceptions propagate; the service turns them
 * into problems.
 */
record SdkStatusReads(DynamoDbClient dynamo, LambdaClient lambda, StsClient sts)
        implements StatusReads {

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
        } catch (SdkException e) {
            throw AwsErrors.wrap(
                    "listing the function's hooks (lambda:ListEventSourceMappings)", e);
        }
    }

    private List<String> hooks(String functionName) {
        return LiveAlias.mappings(lambda, functionName).stream()
                .map(EventSourceMappingConfiguration::eventSourceArn)
                .filter(arn -> arn != null && arn.contains(":kinesis:"))
                .distinct()
                .collect(Collectors.toList());
    }

    @Override
    public List<Mapping> mappings(String table, String sourceArn) {
        return items(table, TargetsTable.SOURCE_ARN, sourceArn)
                .map(MappingCodec::fromItem)
                .toList();
    }

    @Override
    public Map<String, LastError> lastErrors(String table, String sourceArn) {
        // A later item for the same target wins, as the table holds one per target anyway.
        return items(table, StateTable.PK, LastError.partitionKey(sourceArn))
                .map(LastError::fromItem)
                .collect(Collectors.toMap(LastError::targetId, error -> error, (a, b) -> b));
    }

    @Override
    public List<ShardCursors> cursors(String table, String sourceArn) {
        return items(table, StateTable.PK, ShardCursors.partitionKey(sourceArn))
                .map(ShardCursors::fromItem)
                .toList();
    }

    /** Every item of one partition, page after page. */
    private Stream<Map<String, AttributeValue>> items(
            String table, String keyName, String keyValue) {
        return dynamo
                .queryPaginator(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("#k = :v")
                                .expressionAttributeNames(Map.of("#k", keyName))
                                .expressionAttributeValues(
                                        Map.of(":v", AttributeValue.fromS(keyValue)))
                                .build())
                .items()
                .stream();
    }
}
