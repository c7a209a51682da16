package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.Identity;
import fanout.console.aws.LiveAlias;
import fanout.console.aws.StsIdentitySource;
import fanout.console.check.TargetsTableLookup;
import fanout.console.hook.Hook;
import fanout.console.hook.SdkHookStore;
import fanout.mapping.Arn;
import fanout.mapping.Mapping;
import fanout.mapping.MappingQueries;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;

/**
 * {@link InstallationReads} on the SDK: STS GetCallerIdentity, Lambda GetFunction and
 * ListEventSourceMappings, IAM GetRole and ListRolePolicies, DynamoDB DescribeTable and Query,
 * Kinesis DescribeStreamSummary. SDK exceptions propagate.
 */
final class SdkInstallationReads implements InstallationReads {
    private final AwsClients aws;

    SdkInstallationReads(AwsClients aws) {
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    @Override
    public String region() {
        return aws.region();
    }

    @Override
    public Identity caller() {
        return new StsIdentitySource(aws.sts()).identity();
    }

    @Override
    public FunctionSummary function(String functionName) {
        FunctionConfiguration c =
                aws.lambda().getFunction(r -> r.functionName(functionName)).configuration();
        return new FunctionSummary(
                c.role(),
                c.stateAsString(),
                c.runtimeAsString(),
                c.memorySize(),
                c.environment() == null || c.environment().variables() == null
                        ? Map.of()
                        : c.environment().variables(),
                c.codeSha256(),
                FunctionDeployer.snapStartOn(c));
    }

    @Override
    public Optional<VersionSummary> liveAlias(String functionName) {
        return LiveAlias.configuration(aws.lambda(), functionName)
                .map(
                        c ->
                                new VersionSummary(
                                        c.version(),
                                        c.stateAsString(),
                                        c.stateReason(),
                                        c.codeSha256(),
                                        c.snapStart() != null
                                                && c.snapStart().optimizationStatus()
                                                        == SnapStartOptimizationStatus.ON));
    }

    @Override
    public RoleSummary role(String roleName) {
        Role role = aws.iam().getRole(r -> r.roleName(roleName)).role();
        return new RoleSummary(role.arn(), role.createDate());
    }

    @Override
    public List<String> inlinePolicies(String roleName) {
        return aws.iam().listRolePolicies(r -> r.roleName(roleName)).policyNames();
    }

    @Override
    public String tableStatus(String table) {
        return aws.dynamo().describeTable(r -> r.tableName(table)).table().tableStatusAsString();
    }

    @Override
    public StreamSummary stream(String streamArn) {
        // By ARN, with a client for the ARN's region: a source outside the session's region is
        // found (the name is sent too, for emulators without StreamARN).
        Arn parsed = Arn.parse(streamArn);
        StreamDescriptionSummary s =
                aws.kinesis(parsed.region())
                        .describeStreamSummary(
                                r -> r.streamARN(streamArn).streamName(parsed.shortName()))
                        .streamDescriptionSummary();
        return new StreamSummary(s.streamStatusAsString(), s.openShardCount());
    }

    @Override
    public List<Hook> hooks(String functionName) {
        return new SdkHookStore(aws).hooks(functionName);
    }

    @Override
    public int registrationCount(String table, String sourceArn) {
        return aws
                .dynamo()
                .queryPaginator(
                        MappingQueries.bySource(table, sourceArn).select(Select.COUNT).build())
                .stream()
                .mapToInt(QueryResponse::count)
                .sum();
    }

    @Override
    public Collection<Mapping> registrations(String table, String sourceArn) {
        return new TargetsTableLookup(aws.dynamo(), table).mappings(sourceArn).values();
    }
}
