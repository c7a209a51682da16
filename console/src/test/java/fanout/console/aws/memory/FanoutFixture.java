package fanout.console.aws.memory;

import fanout.console.deploy.PolicyDocuments;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;

/** Builds the leader's installation in the in-memory IAM and Lambda fakes, for tests. */
public final class FanoutFixture {
    private FanoutFixture() {}

    /** Creates the function's role {@code fanoutRole}, trusted by Lambda; returns its ARN. */
    public static String createFanoutRole(FakeAws aws) {
        return aws.iamFake
                .createRole(
                        r ->
                                r.roleName("fanoutRole")
                                        .assumeRolePolicyDocument(
                                                PolicyDocuments.lambdaTrust().toString()))
                .role()
                .arn();
    }

    /** The request that creates the function {@code fanout} as the role, with one variable. */
    public static CreateFunctionRequest fanoutFunction(String role) {
        return CreateFunctionRequest.builder()
                .functionName("fanout")
                .role(role)
                .runtime("java21")
                .handler("fanout.FanoutHandler::handleRequest")
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("jar")))
                .environment(e -> e.variables(Map.of("A", "1")))
                .build();
    }

    /** Lets the fan-out role read the source stream (the grant Lambda checks on create). */
    public static void grantRead(FakeAws aws) {
        aws.iamFake.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("read")
                                .policyDocument(
                                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString()));
    }

    /** Creates the role and the function {@code fanout} that runs as it; returns the fakes. */
    public static FakeAws deployFanout(FakeAws aws) {
        String role = createFanoutRole(aws);
        aws.lambda.createFunction(
                r ->
                        r.functionName("fanout")
                                .role(role)
                                .runtime("java21")
                                .handler("h")
                                .code(c -> c.zipFile(SdkBytes.fromUtf8String("jar"))));
        return aws;
    }
}
