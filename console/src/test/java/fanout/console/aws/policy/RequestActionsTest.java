package fanout.console.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;

/** What IAM authorizes for Lambda's version and alias operations. */
class RequestActionsTest {
    private static final String FUNCTION = "arn:aws:lambda:us-west-2:123456789012:function:fanout";

    private final RequestActions lambda =
            new RequestActions("lambda", "aws", "us-west-2", "123456789012");

    private AccessRequest only(String operation, Object request) {
        var requests = lambda.requests(operation, request, Optional.empty());
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void publishVersionAndListAliasesActOnTheFunction() {
        assertThat(
                        only(
                                "publishVersion",
                                PublishVersionRequest.builder().functionName("fanout").build()))
                .isEqualTo(
                        new AccessRequest("lambda:PublishVersion", FUNCTION, java.util.Map.of()));
        assertThat(
                        only(
                                        "listAliases",
                                        ListAliasesRequest.builder().functionName(FUNCTION).build())
                                .resource())
                .isEqualTo(FUNCTION);
    }

    @Test
    void aliasOperationsActOnTheAliasArnWhetherTheFunctionIsNamedOrAnArn() {
        assertThat(
                        only(
                                "createAlias",
                                CreateAliasRequest.builder()
                                        .functionName("fanout")
                                        .name("live")
                                        .functionVersion("1")
                                        .build()))
                .extracting(AccessRequest::action, AccessRequest::resource)
                .containsExactly("lambda:CreateAlias", FUNCTION + ":live");
        assertThat(
                        only(
                                        "getAlias",
                                        GetAliasRequest.builder()
                                                .functionName(FUNCTION)
                                                .name("live")
                                                .build())
                                .resource())
                .isEqualTo(FUNCTION + ":live");
        assertThat(
                        only(
                                        "updateAlias",
                                        UpdateAliasRequest.builder()
                                                .functionName("fanout")
                                                .name("live")
                                                .functionVersion("2")
                                                .build())
                                .action())
                .isEqualTo("lambda:UpdateAlias");
        assertThat(
                        only(
                                        "deleteAlias",
                                        DeleteAliasRequest.builder()
                                                .functionName("fanout")
                                                .name("live")
                                                .build())
                                .resource())
                .isEqualTo(FUNCTION + ":live");
    }
}
