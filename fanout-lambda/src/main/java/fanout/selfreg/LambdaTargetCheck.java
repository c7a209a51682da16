package fanout.selfreg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.check.Required;
import fanout.control.CheckResult;
import fanout.control.ControlInvocations;
import fanout.control.ControlRequests;
import fanout.mapping.Mapping;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Asks the fan-out function to check a candidate through its {@code check} control invocation
 * ({@code "candidates"}), so this function needs no sts:AssumeRole and students trust only the
 * fan-out role.
 */
public record LambdaTargetCheck(LambdaClient lambda, String forwarder, ObjectMapper json)
        implements TargetCheck {
    public LambdaTargetCheck {
        Required.all("lambda, forwarder, json", lambda, forwarder, json);
    }

    @Override
    public CheckResult check(String sourceArn, Mapping candidate) {
        ObjectNode request = ControlRequests.checkCandidate(sourceArn, candidate);
        InvokeResponse response;
        try {
            response =
                    Invocations.invoke(lambda, forwarder, InvocationType.REQUEST_RESPONSE, request);
        } catch (ResourceNotFoundException e) {
            throw new CheckUnavailable("the fan-out function " + forwarder + " is not deployed", e);
        } catch (SdkException e) {
            throw new CheckUnavailable(
                    "the fan-out function " + forwarder + " could not be asked: " + e.getMessage(),
                    e);
        }
        return result(candidate.id(), response);
    }

    private CheckResult result(String id, InvokeResponse response) {
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new CheckUnavailable(
                    "the fan-out function " + forwarder + " failed: " + payload, null);
        }
        try {
            JsonNode answer = json.readTree(payload);
            for (JsonNode result : answer.path(ControlInvocations.RESULTS)) {
                if (id.equals(result.path("id").asText())) {
                    return json.treeToValue(result, CheckResult.class);
                }
            }
            throw new CheckUnavailable(
                    "the fan-out function "
                            + forwarder
                            + " did not check the candidate ("
                            + answer.path("error").asText("an older version?")
                            + "): redeploy it with ./fanout deploy",
                    null);
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckUnavailable(
                    "the fan-out function " + forwarder + " answered what is not a check", e);
        }
    }
}
