package fanout.console.aws.memory;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;

/**
 * The world of the versions and aliases tests: {@code fanout} in fakes whose creates, updates and
 * new versions stay Pending / InProgress for one read, and a runtime that echoes variable A.
 */
abstract class LambdaVersionsWorld {
    static final String FUNCTION_ARN =
            "arn:aws:lambda:" + FakeAws.REGION + ":" + FakeAws.ACCOUNT + ":function:fanout";

    /** A runtime that answers with the variable A of the environment it was given. */
    static final FunctionRuntime ECHO_A =
            (name, env, payload, timeout) -> ("A=" + env.get("A")).getBytes(StandardCharsets.UTF_8);

    /** Fakes whose creates, updates and new versions stay Pending / InProgress for one read. */
    final FakeAws aws = new FakeAws(ECHO_A, 0, 1);

    /** Creates {@code fanout} (java21, A=1), with SnapStart on published versions or not. */
    void createFanout(boolean snapStart) {
        String role = FanoutFixture.createFanoutRole(aws);
        aws.lambda.createFunction(
                FanoutFixture.fanoutFunction(role).toBuilder()
                        .snapStart(
                                s ->
                                        s.applyOn(
                                                snapStart
                                                        ? SnapStartApplyOn.PUBLISHED_VERSIONS
                                                        : SnapStartApplyOn.NONE))
                        .build());
        settle();
    }

    /** Reads $LATEST until its create or update settled. */
    void settle() {
        for (int i = 0; i < 5; i++) {
            FunctionConfiguration read =
                    aws.lambda.getFunction(r -> r.functionName("fanout")).configuration();
            if (isSettled(read)) {
                return;
            }
        }
        throw new AssertionError("fanout did not settle");
    }

    static boolean isSettled(FunctionConfiguration read) {
        return read.stateAsString().equals("Active")
                && read.lastUpdateStatusAsString().equals("Successful");
    }

    PublishVersionResponse publish() {
        return aws.lambda.publishVersion(r -> r.functionName("fanout"));
    }

    FunctionConfiguration read(String qualifier) {
        return aws.lambda
                .getFunction(r -> r.functionName("fanout").qualifier(qualifier))
                .configuration();
    }

    String role() {
        return aws.iamFake.getRole(r -> r.roleName("fanoutRole")).role().arn();
    }
}
