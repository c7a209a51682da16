package fanout.selfreg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.check.Required;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * The Lambda continuation: an asynchronous (Event) invocation of this same function with the
 * already verified command. A function URL request cannot produce this shape (its HTTP body is
 * nested under {@code body}), and invoking the function directly needs lambda:InvokeFunction, which
 * only this function's own role and the leader have.
 */
public record SelfInvoke(LambdaClient lambda, String functionName, ObjectMapper json)
        implements Continuation {
    public static final String FIELD = "selfregContinuation";

    public SelfInvoke {
        Required.all("lambda, functionName, json", lambda, functionName, json);
    }

    @Override
    public void later(SlackCommand command, Runnable here) {
        ObjectNode payload = json.createObjectNode();
        payload.set(FIELD, json.valueToTree(command));
        Invocations.invoke(lambda, functionName, InvocationType.EVENT, payload);
    }
}
