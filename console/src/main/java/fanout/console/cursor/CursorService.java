package fanout.console.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.check.ControlFunction;
import fanout.console.check.ControlFunction.Invocation;
import fanout.console.problem.AwsAccessException;
import fanout.console.problem.BadInputException;
import fanout.console.problem.OperationFailedException;
import fanout.control.ControlInvocations;
import fanout.control.ControlRequests;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Sends {@code drain}, {@code skip} and {@code replay} to the deployed function as control
 * invocations (the same path as {@code roster check}) and answers its JSON.
 */
public final class CursorService {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A control invocation may run as long as the function may (catch-up of every behind student
     * for a drain), never longer than Lambda's 15 minutes.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(15);

    private final ControlFunction control;

    public CursorService(ControlFunction control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    /** Behind destinations catch up from the source now, with no traffic needed. */
    public JsonNode drain(String function, String sourceArn) {
        return invoke(function, ControlRequests.drain(sourceArn));
    }

    /** The student owes nothing any more and gets live batches again. */
    public JsonNode skip(String function, String sourceArn, String id) {
        return invoke(function, ControlRequests.skip(sourceArn, id));
    }

    /** The student gets every record since {@code since} again, read from the source. */
    public JsonNode replay(String function, String sourceArn, String id, Instant since) {
        return invoke(function, ControlRequests.replay(sourceArn, id, since));
    }

    private JsonNode invoke(String function, ObjectNode request) {
        String action = request.get(ControlInvocations.ACTION).asText();
        Invocation invocation;
        try {
            invocation = control.invoke(function, request.toString(), CALL_TIMEOUT);
        } catch (ResourceNotFoundException e) {
            throw new AwsAccessException(
                    "function " + function + " does not exist here: run `fanout deploy`");
        }
        if (!(invocation instanceof Invocation.Answered answered)) {
            throw new AwsAccessException(
                    "function "
                            + function
                            + " cannot run the "
                            + action
                            + " yet: "
                            + ((Invocation.NotReady) invocation).reason());
        }
        JsonNode body = parse(answered.payload());
        if (answered.functionError() != null) {
            throw new AwsAccessException(
                    "the function failed the "
                            + action
                            + ": "
                            + body.path("errorMessage").asText(answered.functionError())
                            + " (see its CloudWatch logs; run `fanout deploy` if it is outdated)");
        }
        String code = body.path("code").asText(null);
        if (code != null) {
            String error = body.path("error").asText("");
            if (error.startsWith("unknown action")) {
                throw new AwsAccessException(
                        "the function does not know '"
                                + action
                                + "': it is an older version, run `fanout deploy`");
            }
            String message = action + ": " + error;
            throw "NotRegistered".equals(code)
                    ? new BadInputException(message)
                    : new OperationFailedException(message);
        }
        return body;
    }

    private static JsonNode parse(String payload) {
        try {
            return payload == null ? JSON.createObjectNode() : JSON.readTree(payload);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
