package fanout.console.aws.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.deploy.PolicyDocuments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.sts.model.StsException;

class InMemoryLambdaTest {
    private final FakeAws aws =
            new FakeAws(
                    (name, env, payload, timeout) ->
                            ("{\"echo\":" + new String(payload, StandardCharsets.UTF_8) + "}")
                                    .getBytes(StandardCharsets.UTF_8));

    private String role() {
        return FanoutFixture.createFanoutRole(aws);
    }

    @Test
    void aNewRoleCannotBeAssumedForTheFirstTwoCreateFunctionCalls() {
        String role = role();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> aws.lambda.createFunction(FanoutFixture.fanoutFunction(role)))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("cannot be assumed by Lambda");
        }
        assertThat(aws.lambda.createFunction(FanoutFixture.fanoutFunction(role)).stateAsString())
                .isEqualTo("Pending");
    }

    @Test
    void aFunctionIsPendingForTwoPollsThenActiveAndRefusesUpdatesMeanwhile() {
        FakeAws quick = new FakeAws((n, e, p, t) -> p, 0, 2);
        String role = FanoutFixture.createFanoutRole(quick);
        quick.lambda.createFunction(FanoutFixture.fanoutFunction(role));
        assertThatThrownBy(
                        () ->
                                quick.lambda.updateFunctionConfiguration(
                                        r -> r.functionName("fanout").memorySize(256)))
                .isInstanceOf(ResourceConflictException.class);
        assertThat(
                        quick.lambda
                                .getFunction(r -> r.functionName("fanout"))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Pending");
        assertThat(
                        quick.lambda
                                .getFunction(r -> r.functionName("fanout"))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Pending");
        assertThat(
                        quick.lambda
                                .getFunction(r -> r.functionName("fanout"))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Active");
        quick.lambda.updateFunctionCode(
                r -> r.functionName("fanout").zipFile(SdkBytes.fromUtf8String("v2")));
        assertThat(
                        quick.lambda
                                .getFunctionConfiguration(r -> r.functionName("fanout"))
                                .lastUpdateStatusAsString())
                .isEqualTo("InProgress");
    }

    @Test
    void invokeRunsTheRuntimeAndReportsItsExceptionAsAFunctionError() {
        FakeAws failing =
                new FakeAws(
                        (n, e, p, t) -> {
                            throw new IllegalStateException("boom " + e.get("A"));
                        },
                        0,
                        0);
        String role = FanoutFixture.createFanoutRole(failing);
        failing.lambda.createFunction(FanoutFixture.fanoutFunction(role));
        InvokeResponse response =
                failing.lambda.invoke(
                        r -> r.functionName("fanout").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("boom 1");
    }

    @Test
    void iamReturnsUrlEncodedDocumentsAndRefusesToDeleteARoleWithPolicies() {
        role();
        aws.iamFake.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("p")
                                .policyDocument("{\"Statement\": []}"));
        assertThat(
                        aws.iamFake
                                .getRolePolicy(r -> r.roleName("fanoutRole").policyName("p"))
                                .policyDocument())
                .isEqualTo("%7B%22Statement%22%3A%20%5B%5D%7D");
        assertThatThrownBy(() -> aws.iamFake.deleteRole(r -> r.roleName("fanoutRole")))
                .isInstanceOf(DeleteConflictException.class);
        assertThatThrownBy(() -> aws.iamFake.getRole(r -> r.roleName("other")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("other");
    }

    @Test
    void stsAssumesARoleThatTrustsTheCallerAndDeniesOthers() {
        String lambdaOnly = role();
        String trusting =
                aws.iamFake
                        .createRole(
                                r ->
                                        r.roleName("leaderRole")
                                                .assumeRolePolicyDocument(
                                                        PolicyDocuments.studentTrust(
                                                                        "arn:aws:iam::"
                                                                                + FakeAws.ACCOUNT
                                                                                + ":user/workshop-leader",
                                                                        java.util.Optional.empty())
                                                                .toString()))
                        .role()
                        .arn();
        assertThat(aws.sts.assumeRole(r -> r.roleArn(trusting).roleSessionName("s")).credentials())
                .isNotNull();
        for (String denied : List.of(lambdaOnly, "arn:aws:iam::210987654321:role/x")) {
            assertThatThrownBy(
                            () -> aws.sts.assumeRole(r -> r.roleArn(denied).roleSessionName("s")))
                    .isInstanceOf(StsException.class)
                    .satisfies(
                            e ->
                                    assertThat(((StsException) e).awsErrorDetails().errorCode())
                                            .isEqualTo("AccessDenied"));
        }
        assertThat(aws.sts.getCallerIdentity().account()).isEqualTo(FakeAws.ACCOUNT);
    }

    @Test
    void invokingAnInactiveFunctionFailsAndStartsReactivatingIt() {
        FakeAws quick = new FakeAws((n, e, p, t) -> p, 0, 1);
        quick.lambda.createFunction(
                FanoutFixture.fanoutFunction(FanoutFixture.createFanoutRole(quick)));
        quick.lambda.getFunction(r -> r.functionName("fanout"));
        quick.lambdaFake.idle("fanout");
        Runnable invoke =
                () ->
                        quick.lambda.invoke(
                                r ->
                                        r.functionName("fanout")
                                                .payload(SdkBytes.fromUtf8String("{}")));

        assertThatThrownBy(invoke::run)
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("following state: Inactive");
        assertThat(
                        quick.lambda
                                .getFunction(r -> r.functionName("fanout"))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Pending");
        assertThat(
                        quick.lambda
                                .getFunction(r -> r.functionName("fanout"))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Active");
        invoke.run();
    }

    @Test
    void payloadsOver6MbAndZipsOver50MbAreRefusedAsLambdaRefusesThem() {
        FakeAws big = new FakeAws((n, e, p, t) -> new byte[6 * 1024 * 1024 + 1], 0, 0);
        big.lambda.createFunction(
                FanoutFixture.fanoutFunction(FanoutFixture.createFanoutRole(big)));
        byte[] tooLarge = new byte[6 * 1024 * 1024 + 1];

        assertThatThrownBy(
                        () ->
                                big.lambda.invoke(
                                        r ->
                                                r.functionName("fanout")
                                                        .payload(SdkBytes.fromByteArray(tooLarge))))
                .isInstanceOf(RequestTooLargeException.class);
        InvokeResponse response =
                big.lambda.invoke(
                        r -> r.functionName("fanout").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("Function.ResponseSizeTooLarge");
        assertThatThrownBy(
                        () ->
                                big.lambda.updateFunctionCode(
                                        r ->
                                                r.functionName("fanout")
                                                        .zipFile(
                                                                SdkBytes.fromByteArray(
                                                                        new byte
                                                                                [50 * 1024 * 1024
                                                                                        + 1]))))
                .isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void anUnknownOrRetiredRuntimeAndABlankHandlerAreRefused() {
        String role = role();
        for (CreateFunctionRequest bad :
                List.of(
                        FanoutFixture.fanoutFunction(role).toBuilder().runtime("java7").build(),
                        FanoutFixture.fanoutFunction(role).toBuilder().runtime("java8").build(),
                        FanoutFixture.fanoutFunction(role).toBuilder()
                                .handler("has space")
                                .build())) {
            assertThatThrownBy(() -> aws.lambda.createFunction(bad))
                    .isInstanceOf(InvalidParameterValueException.class);
        }
        assertThat(aws.lambdaFake.functionNames()).isEmpty();
    }

    @Test
    void aFailedUpdateIsReportedWithItsReasonAndAFailedFunctionRefusesUpdates() {
        FakeAws quick = new FakeAws((n, e, p, t) -> p, 0, 0);
        quick.lambda.createFunction(
                FanoutFixture.fanoutFunction(FanoutFixture.createFanoutRole(quick)));
        quick.lambdaFake.fail("fanout", true, "EniLimitExceeded");
        assertThat(
                        quick.lambda
                                .getFunction(r -> r.functionName("fanout"))
                                .configuration()
                                .lastUpdateStatusAsString())
                .isEqualTo("Failed");
        quick.lambdaFake.fail("fanout", false, "Subnet gone");
        assertThatThrownBy(
                        () ->
                                quick.lambda.updateFunctionConfiguration(
                                        r -> r.functionName("fanout").memorySize(256)))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("Failed");
    }
}
