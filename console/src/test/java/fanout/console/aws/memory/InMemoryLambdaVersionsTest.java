package fanout.console.aws.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.deploy.PolicyDocuments;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartNotReadyException;

/** The in-memory Lambda's published versions, aliases and SnapStart, as strict as Lambda. */
class InMemoryLambdaVersionsTest {
    private static final String FUNCTION_ARN =
            "arn:aws:lambda:" + FakeAws.REGION + ":" + FakeAws.ACCOUNT + ":function:fanout";

    /** A runtime that answers with the variable A of the environment it was given. */
    private static final FunctionRuntime ECHO_A =
            (name, env, payload, timeout) -> ("A=" + env.get("A")).getBytes(StandardCharsets.UTF_8);

    /** Fakes whose creates, updates and new versions stay Pending / InProgress for one read. */
    private final FakeAws aws = new FakeAws(ECHO_A, 0, 1);

    /** Creates {@code fanout} (java21, A=1), with SnapStart on published versions or not. */
    private void createFanout(boolean snapStart) {
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
    private void settle() {
        for (int i = 0; i < 5; i++) {
            FunctionConfiguration read =
                    aws.lambda.getFunction(r -> r.functionName("fanout")).configuration();
            if (isSettled(read)) {
                return;
            }
        }
        throw new AssertionError("fanout did not settle");
    }

    private static boolean isSettled(FunctionConfiguration read) {
        return read.stateAsString().equals("Active")
                && read.lastUpdateStatusAsString().equals("Successful");
    }

    private PublishVersionResponse publish() {
        return aws.lambda.publishVersion(r -> r.functionName("fanout"));
    }

    private FunctionConfiguration read(String qualifier) {
        return aws.lambda
                .getFunction(r -> r.functionName("fanout").qualifier(qualifier))
                .configuration();
    }

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
    void aliasesAreCreatedReadUpdatedAndRefusedAsLambdaRefusesThem() {
        createFanout(false);
        publish();
        var created =
                aws.lambda.createAlias(
                        r -> r.functionName("fanout").name("live").functionVersion("1"));
        assertThat(created.aliasArn()).isEqualTo(FUNCTION_ARN + ":live");
        assertThat(created.functionVersion()).isEqualTo("1");
        assertThat(created.revisionId()).isNotBlank();
        assertThat(aws.lambda.getAlias(r -> r.functionName("fanout").name("live")).name())
                .isEqualTo("live");

        assertThatThrownBy(
                        () ->
                                aws.lambda.createAlias(
                                        r ->
                                                r.functionName("fanout")
                                                        .name("live")
                                                        .functionVersion("$LATEST")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("Alias already exists: " + FUNCTION_ARN + ":live");
        assertThatThrownBy(
                        () ->
                                aws.lambda.createAlias(
                                        r ->
                                                r.functionName("fanout")
                                                        .name("42")
                                                        .functionVersion("1")))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(
                        () ->
                                aws.lambda.createAlias(
                                        r ->
                                                r.functionName("fanout")
                                                        .name("next")
                                                        .functionVersion("2")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> aws.lambda.getAlias(r -> r.functionName("fanout").name("old")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Alias not found: " + FUNCTION_ARN + ":old");

        aws.lambda.updateFunctionCode(
                r -> r.functionName("fanout").zipFile(SdkBytes.fromUtf8String("v2")));
        settle();
        publish();
        assertThatThrownBy(
                        () ->
                                aws.lambda.updateAlias(
                                        r ->
                                                r.functionName("fanout")
                                                        .name("live")
                                                        .functionVersion("2")
                                                        .revisionId("stale")))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(
                        () ->
                                aws.lambda.updateAlias(
                                        r ->
                                                r.functionName("fanout")
                                                        .name("live")
                                                        .functionVersion("7")))
                .isInstanceOf(ResourceNotFoundException.class);
        var updated =
                aws.lambda.updateAlias(
                        r ->
                                r.functionName("fanout")
                                        .name("live")
                                        .functionVersion("2")
                                        .revisionId(created.revisionId()));
        assertThat(updated.functionVersion()).isEqualTo("2");
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
        assertThat(read("live").version()).isEqualTo("2");
        assertThat(aws.lambda.listAliases(r -> r.functionName("fanout")).aliases())
                .extracting(AliasConfiguration::name)
                .containsExactly("live");

        aws.lambda.deleteAlias(r -> r.functionName("fanout").name("live"));
        assertThatThrownBy(() -> aws.lambda.getAlias(r -> r.functionName("fanout").name("live")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> aws.lambda.updateAlias(r -> r.functionName("fanout").name("live")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletingTheFunctionDeletesItsVersionsAndAliases() {
        createFanout(false);
        publish();
        aws.lambda.createAlias(r -> r.functionName("fanout").name("live").functionVersion("1"));
        assertThatThrownBy(
                        () ->
                                aws.lambda.deleteFunction(
                                        r -> r.functionName("fanout").qualifier("1")))
                .as("an alias points at version 1")
                .isInstanceOf(ResourceConflictException.class);
        aws.lambda.deleteFunction(r -> r.functionName("fanout"));
        aws.lambda.createFunction(FanoutFixture.fanoutFunction(role()));
        settle();
        assertThatThrownBy(() -> aws.lambda.getAlias(r -> r.functionName("fanout").name("live")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> read("1")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(publish().version()).isEqualTo("1");
    }

    private String role() {
        return aws.iamFake.getRole(r -> r.roleName("fanoutRole")).role().arn();
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
    private FakeAws mappedAlias() {
        createFanout(false);
        aws.iamFake.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("read")
                                .policyDocument(
                                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString()));
        publish();
        read("1");
        aws.lambda.createAlias(r -> r.functionName("fanout").name("live").functionVersion("1"));
        return aws;
    }

    /** Creates a mapping of the source to {@code function}, retrying while the grant propagates. */
    private String map(String function) {
        for (int i = 0; i < 3; i++) {
            try {
                return aws.lambda
                        .createEventSourceMapping(
                                r -> r.functionName(function).eventSourceArn(FakeAws.SOURCE_ARN))
                        .uuid();
            } catch (InvalidParameterValueException e) {
                assertThat(e).hasMessageContaining("Cannot access stream"); // the grant propagates
            }
        }
        throw new AssertionError("no mapping to " + function);
    }

    private java.util.List<String> listed(String function) {
        return aws
                .lambda
                .listEventSourceMappings(r -> r.functionName(function))
                .eventSourceMappings()
                .stream()
                .map(m -> m.functionArn())
                .toList();
    }

    @Test
    void aMappingOnAnAliasNeedsTheAliasAndIsListedOnlyUnderItsExactQualifier() {
        mappedAlias();
        assertThatThrownBy(
                        () ->
                                aws.lambda.createEventSourceMapping(
                                        r ->
                                                r.functionName("fanout:staging")
                                                        .eventSourceArn(FakeAws.SOURCE_ARN)))
                .isInstanceOf(ResourceNotFoundException.class);
        String onAlias = map("fanout:live");
        String onFunction = map("fanout");
        assertThatThrownBy(() -> map(FUNCTION_ARN + ":live"))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining(onAlias);

        assertThat(aws.lambda.getEventSourceMapping(r -> r.uuid(onAlias)).functionArn())
                .isEqualTo(FUNCTION_ARN + ":live");
        assertThat(listed("fanout")).containsExactly(FUNCTION_ARN);
        assertThat(listed(FUNCTION_ARN)).containsExactly(FUNCTION_ARN);
        assertThat(listed("fanout:live")).containsExactly(FUNCTION_ARN + ":live");
        assertThat(listed(FUNCTION_ARN + ":live")).containsExactly(FUNCTION_ARN + ":live");
        assertThat(
                        aws.lambda.listEventSourceMappings().eventSourceMappings().stream()
                                .map(m -> m.uuid()))
                .containsExactlyInAnyOrder(onAlias, onFunction);
    }

    @Test
    void anUpdateWithAFunctionNameRetargetsTheMappingThroughUpdating() {
        mappedAlias();
        String id = map("fanout");
        aws.lambda.getEventSourceMapping(r -> r.uuid(id));
        String onAlias = map("fanout:live");
        aws.lambda.getEventSourceMapping(r -> r.uuid(onAlias));

        assertThatThrownBy(
                        () ->
                                aws.lambda.updateEventSourceMapping(
                                        r -> r.uuid(id).functionName("fanout:staging")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () ->
                                aws.lambda.updateEventSourceMapping(
                                        r -> r.uuid(id).functionName("fanout:live")))
                .as("the alias already has a mapping of this source")
                .isInstanceOf(ResourceConflictException.class);

        var updated = aws.lambda.updateEventSourceMapping(r -> r.uuid(id).functionName("fanout:1"));
        assertThat(updated.state()).isEqualTo("Updating");
        assertThat(updated.functionArn()).isEqualTo(FUNCTION_ARN + ":1");
        assertThat(aws.lambda.getEventSourceMapping(r -> r.uuid(id)).functionArn())
                .isEqualTo(FUNCTION_ARN + ":1");
        assertThat(listed("fanout")).isEmpty();
        assertThat(listed("fanout:1")).containsExactly(FUNCTION_ARN + ":1");
        assertThat(aws.lambda.getEventSourceMapping(r -> r.uuid(id)).state()).isEqualTo("Enabled");
    }
}
