package fanout.console.aws.memory;

import fanout.console.deploy.PolicyDocuments;
import software.amazon.awssdk.core.SdkBytes;

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
