package fanout.console.aws.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

/**
 * Function URLs and resource-based permissions of {@link InMemoryLambda}'s functions, with Lambda's
 * rules: one URL per function, statement ids unique per function, the URL auth type only on
 * lambda:InvokeFunctionUrl. Guarded by the fake's lock; removed with the function.
 */
final class FunctionUrls {
    private static final Set<String> ACTIONS =
            Set.of("lambda:InvokeFunction", "lambda:InvokeFunctionUrl");

    private final String region;
    private final Map<String, String> authTypes = new HashMap<>();
    private final Map<String, Set<String>> statements = new HashMap<>();

    FunctionUrls(String region) {
        this.region = region;
    }

    /** The URL Lambda would give the function (a stable id from its name, for repeatable tests). */
    String url(String function) {
        String id = Integer.toHexString(function.hashCode()).toLowerCase(Locale.ROOT);
        String padded = (id + "0".repeat(32)).substring(0, 32);
        return "https://" + padded + ".lambda-url." + region + ".on.aws/";
    }

    String create(String function, String functionArn, FunctionUrlAuthType authType) {
        if (authType == null || authType == FunctionUrlAuthType.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaFaults.invalidParameter("AuthType must be NONE or AWS_IAM");
        }
        if (authTypes.containsKey(function)) {
            throw LambdaFaults.conflict(
                    "Failed to create function url config for [functionArn = "
                            + functionArn
                            + "]. Error message:  FunctionUrlConfig exists for this Lambda"
                            + " function");
        }
        authTypes.put(function, authType.toString());
        return url(function);
    }

    /** The URL's auth type; throws Lambda's not-found when the function has no URL. */
    String authType(String function) {
        String type = authTypes.get(function);
        if (type == null) {
            throw LambdaFaults.notFound("The resource you requested does not exist.");
        }
        return type;
    }

    void addPermission(String function, AddPermissionRequest request) {
        if (!ACTIONS.contains(request.action())) {
            throw LambdaFaults.invalidParameter(
                    "Action " + request.action() + " is not allowed here");
        }
        if (request.functionUrlAuthType() != null
                && !request.action().equals("lambda:InvokeFunctionUrl")) {
            throw LambdaFaults.invalidParameter(
                    "FunctionUrlAuthType applies to lambda:InvokeFunctionUrl only");
        }
        if (request.statementId() == null || request.principal() == null) {
            throw LambdaFaults.invalidParameter("StatementId and Principal are required");
        }
        Set<String> ids = statements.computeIfAbsent(function, f -> new HashSet<>());
        if (!ids.add(request.statementId())) {
            throw LambdaFaults.conflict(
                    "The statement id ("
                            + request.statementId()
                            + ") provided already exists. Please provide a new statement id, or"
                            + " remove the existing statement.");
        }
    }

    Set<String> statementIds(String function) {
        return Set.copyOf(statements.getOrDefault(function, Set.of()));
    }

    void remove(String function) {
        authTypes.remove(function);
        statements.remove(function);
    }
}
