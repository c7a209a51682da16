package fanout.console.aws.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartNotReadyException;

/**
 * The in-memory Lambda's published versions, SnapStart, qualified reads and invokes, as strict as
 * Lambda.
 */
class InMemoryLambdaVersionsTest extends LambdaVersionsWorld {
    @Test
    void snapStartOnARuntimeOtherThanJava11OrLaterIsRefused() {
        String role = FanoutFixture.createFanoutRole(aws);
        for (String runtime : new String[] {"java8.al2", "python3.9"}) {
            assertThatThrownBy(
                            () ->
                                    aws.lambda.createFunction(
                                            FanoutFixture.fanoutFunction(role).toBuilder()
                                                    .runtime(runtime)
                                                    .snapStart(
                                                            s ->
                                                                    s.applyOn(
                                                                            SnapStartApplyOn
                                                                                    .PUBLISHED_VERSIONS))
                                                    .build()))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining(runtime)
                    .hasMessageContaining("SnapStart");
        }
        assertThat(aws.lambdaFake.functionNames()).isEmpty();
    }

    @Test
    void snapStartIsStoredAndAnUpdateWithoutItLeavesItAsItWas() {
        createFanout(true);
        assertThat(read("$LATEST").snapStart().applyOn())
                .isEqualTo(SnapStartApplyOn.PUBLISHED_VERSIONS);
        assertThat(read("$LATEST").snapStart().optimizationStatusAsString()).isEqualTo("Off");

        aws.lambda.updateFunctionConfiguration(r -> r.functionName("fanout").memorySize(256));
        settle();
        assertThat(read("$LATEST").snapStart().applyOn())
                .isEqualTo(SnapStartApplyOn.PUBLISHED_VERSIONS);
        assertThatThrownBy(
                        () ->
                                aws.lambda.updateFunctionConfiguration(
                                        r -> r.functionName("fanout").runtime("python3.9")))
                .as("SnapStart stays on, so the runtime must stay Java")
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("python3.9");

        aws.lambda.updateFunctionConfiguration(
                r -> r.functionName("fanout").snapStart(s -> s.applyOn(SnapStartApplyOn.NONE)));
        settle();
        assertThat(read("$LATEST").snapStart().applyOn()).isEqualTo(SnapStartApplyOn.NONE);
    }

    @Test
    void publishingIsRefusedWhileTheFunctionIsPendingOrAnUpdateIsInProgress() {
        String role = FanoutFixture.createFanoutRole(aws);
        aws.lambda.createFunction(FanoutFixture.fanoutFunction(role));
        assertThatThrownBy(this::publish)
                .as("Pending after create")
                .isInstanceOf(ResourceConflictException.class);
        settle();
        aws.lambda.updateFunctionCode(
                r -> r.functionName("fanout").zipFile(SdkBytes.fromUtf8String("v2")));
        assertThatThrownBy(this::publish)
                .isInstanceOf(ResourceConflictException.class)
                .satisfies(
                        e ->
                                assertThat(
                                                ((ResourceConflictException) e)
                                                        .awsErrorDetails()
                                                        .errorMessage())
                                        .isEqualTo(
                                                "The operation cannot be performed at this time."
                                                        + " An update is in progress for resource: "
                                                        + FUNCTION_ARN));
        settle();
        assertThat(publish().version()).isEqualTo("1");
    }

    @Test
    void publishingTwiceWithoutAChangeReturnsTheSameVersion() {
        createFanout(false);
        PublishVersionResponse first = publish();
        PublishVersionResponse again = publish();
        assertThat(first.version()).isEqualTo("1");
        assertThat(again.version()).isEqualTo("1");
        assertThat(again.functionArn()).isEqualTo(FUNCTION_ARN + ":1");
        assertThatThrownBy(() -> read("2")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void publishingAfterAChangeGivesTheNextNumberWithTheConfigurationFrozen() {
        createFanout(false);
        PublishVersionResponse first = publish();
        aws.lambda.updateFunctionConfiguration(
                r ->
                        r.functionName("fanout")
                                .memorySize(256)
                                .environment(e -> e.variables(Map.of("A", "2"))));
        settle();
        PublishVersionResponse second = publish();
        aws.lambda.updateFunctionCode(
                r -> r.functionName("fanout").zipFile(SdkBytes.fromUtf8String("v3")));
        settle();
        PublishVersionResponse third = publish();

        assertThat(second.version()).isEqualTo("2");
        assertThat(third.version()).isEqualTo("3");
        assertThat(third.functionArn()).isEqualTo(FUNCTION_ARN + ":3");
        assertThat(third.codeSha256()).isNotEqualTo(second.codeSha256());
        FunctionConfiguration one = read("1");
        assertThat(one.memorySize()).isEqualTo(128);
        assertThat(one.environment().variables()).containsEntry("A", "1");
        assertThat(one.codeSha256()).isEqualTo(first.codeSha256());
        FunctionConfiguration two = read("2");
        assertThat(two.memorySize()).isEqualTo(256);
        assertThat(two.environment().variables()).containsEntry("A", "2");
        assertThat(two.codeSha256()).isEqualTo(first.codeSha256());
        assertThat(read("3").codeSha256()).isEqualTo(read("$LATEST").codeSha256());
    }

    @Test
    void aCodeSha256OtherThanLatestsIsRefusedNamingBoth() {
        createFanout(false);
        String latest = read("$LATEST").codeSha256();
        assertThatThrownBy(
                        () ->
                                aws.lambda.publishVersion(
                                        r -> r.functionName("fanout").codeSha256("stale")))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("stale")
                .hasMessageContaining(latest);
        assertThat(
                        aws.lambda
                                .publishVersion(r -> r.functionName("fanout").codeSha256(latest))
                                .version())
                .isEqualTo("1");
        assertThatThrownBy(() -> aws.lambda.publishVersion(r -> r.functionName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aNewVersionIsPendingForItsPollsThenActiveWithSnapStartOn() {
        createFanout(true);
        PublishVersionResponse published = publish();
        assertThat(published.stateAsString()).isEqualTo("Pending");
        assertThat(published.snapStart().optimizationStatusAsString()).isEqualTo("On");
        assertThat(read("1").stateAsString()).isEqualTo("Pending");
        FunctionConfiguration active = read("1");
        assertThat(active.stateAsString()).isEqualTo("Active");
        assertThat(active.version()).isEqualTo("1");
        assertThat(active.snapStart().optimizationStatusAsString()).isEqualTo("On");
        assertThat(read("$LATEST").snapStart().optimizationStatusAsString()).isEqualTo("Off");
    }

    @Test
    void aVersionPublishedWithoutSnapStartHasItsOptimizationOff() {
        createFanout(false);
        publish();
        aws.lambda.updateFunctionConfiguration(
                r ->
                        r.functionName("fanout")
                                .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS)));
        settle();
        publish();
        assertThat(read("1").snapStart().optimizationStatusAsString()).isEqualTo("Off");
        assertThat(read("2").snapStart().optimizationStatusAsString()).isEqualTo("On");
    }

    @Test
    void aFailedSnapshotLeavesTheVersionFailedWithTheReasonAndUninvocable() {
        createFanout(true);
        aws.lambdaFake.failNextSnapshot("fanout", "SnapStart init error: boom");
        publish();
        assertThat(read("1").stateAsString()).isEqualTo("Pending");
        FunctionConfiguration failed = read("1");
        assertThat(failed.stateAsString()).isEqualTo("Failed");
        assertThat(failed.stateReason()).isEqualTo("SnapStart init error: boom");
        assertThatThrownBy(() -> aws.lambda.invoke(r -> r.functionName("fanout:1")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("Failed");

        aws.lambda.updateFunctionConfiguration(r -> r.functionName("fanout").memorySize(512));
        settle();
        publish();
        read("2");
        assertThat(read("2").stateAsString())
                .as("only the next snapshot fails")
                .isEqualTo("Active");
    }

    @Test
    void qualifiedReadsShowTheVersionAnAliasOrNameOrArnNames() {
        createFanout(false);
        publish();
        read("1");
        aws.lambda.createAlias(r -> r.functionName("fanout").name("live").functionVersion("1"));
        aws.lambda.updateFunctionConfiguration(r -> r.functionName("fanout").memorySize(1024));
        settle();

        assertThat(read("1").memorySize()).isEqualTo(128);
        assertThat(read("live").version()).isEqualTo("1");
        assertThat(read("live").memorySize()).isEqualTo(128);
        assertThat(read("$LATEST").memorySize()).isEqualTo(1024);
        assertThat(read("$LATEST").version()).isEqualTo("$LATEST");
        for (String name : new String[] {"fanout:live", FUNCTION_ARN + ":live", "fanout:1"}) {
            var byName = aws.lambda.getFunctionConfiguration(r -> r.functionName(name));
            assertThat(byName.version()).as(name).isEqualTo("1");
            assertThat(byName.memorySize()).as(name).isEqualTo(128);
        }
        assertThat(aws.lambda.getFunctionConfiguration(r -> r.functionName("fanout")).version())
                .isEqualTo("$LATEST");
        assertThatThrownBy(() -> read("9"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: " + FUNCTION_ARN + ":9");
        assertThatThrownBy(() -> read("staging"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(FUNCTION_ARN + ":staging");
        assertThatThrownBy(
                        () ->
                                aws.lambda.getFunction(
                                        r -> r.functionName("fanout:live").qualifier("1")))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void invokingThroughAnAliasRunsItsVersionWithItsFrozenEnvironment() {
        createFanout(true);
        publish();
        aws.lambda.createAlias(r -> r.functionName("fanout").name("live").functionVersion("1"));
        assertThatThrownBy(() -> aws.lambda.invoke(r -> r.functionName("fanout:live")))
                .as("the snapshot is still being taken")
                .isInstanceOf(SnapStartNotReadyException.class)
                .satisfies(
                        e ->
                                assertThat(((SnapStartNotReadyException) e).statusCode())
                                        .isEqualTo(409));
        aws.lambda.updateFunctionConfiguration(
                r -> r.functionName("fanout").environment(e -> e.variables(Map.of("A", "2"))));
        settle();

        var viaAlias = aws.lambda.invoke(r -> r.functionName("fanout").qualifier("live"));
        assertThat(viaAlias.executedVersion()).isEqualTo("1");
        assertThat(viaAlias.payload().asUtf8String()).isEqualTo("A=1");
        var latest = aws.lambda.invoke(r -> r.functionName("fanout"));
        assertThat(latest.executedVersion()).isEqualTo("$LATEST");
        assertThat(latest.payload().asUtf8String()).isEqualTo("A=2");
    }

    @Test
    void invokingAPendingVersionWithoutSnapStartIsAConflict() {
        createFanout(false);
        publish();
        assertThatThrownBy(() -> aws.lambda.invoke(r -> r.functionName(FUNCTION_ARN + ":1")))
                .isInstanceOf(ResourceConflictException.class)
                .isNotInstanceOf(SnapStartNotReadyException.class)
                .hasMessageContaining("Pending");
        assertThat(aws.lambda.invoke(r -> r.functionName(FUNCTION_ARN + ":1")).executedVersion())
                .isEqualTo("1");
    }

    /** A mapping store whose grant and transitions take one read, with fanout:live on version 1. */
}
