package fanout.console.aws.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The in-memory Lambda's aliases and event source mappings on them, as strict as Lambda. */
class InMemoryLambdaAliasesTest extends LambdaVersionsWorld {
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

    private FakeAws mappedAlias() {
        createFanout(false);
        FanoutFixture.grantRead(aws);
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
