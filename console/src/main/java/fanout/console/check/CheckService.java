package fanout.console.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.mapping.Mapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Asks the deployed function, through a control invocation, whether it can reach each student: only
 * the function's role is trusted by students' roles, so only the function can tell.
 */
public final class CheckService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;
    private final MappingLookup mappings;
    private final String region;
    private final Optional<String> assumableRoles;

    public CheckService(LambdaClient lambda, MappingLookup mappings, String region) {
        this(lambda, mappings, region, Optional.empty());
    }

    /**
     * @param assumableRoles the fan-out role's sts:AssumeRole resource, for the fix hints
     */
    public CheckService(
            LambdaClient lambda,
            MappingLookup mappings,
            String region,
            Optional<String> assumableRoles) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.region = Objects.requireNonNull(region, "region");
        this.assumableRoles = Objects.requireNonNull(assumableRoles, "assumableRoles");
    }

    /**
     * @param ids the students to check; empty for every registration of the source
     * @return one result per student, in the function's order
     */
    public List<StudentCheck> check(String function, String sourceArn, List<String> ids) {
        String fanoutRole = fanoutRole(function);
        JsonNode response = invoke(function, request(sourceArn, ids));
        Map<String, Mapping> registered = mappings.mappings(sourceArn);
        FixHints hints = new FixHints(fanoutRole, region, assumableRoles);
        List<StudentCheck> results = new ArrayList<>();
        for (JsonNode result : response.path("results")) {
            String id = result.path("id").asText();
            boolean ok = result.path("ok").asBoolean(false);
            String code = text(result, "code");
            String error = text(result, "error");
            StudentCheck check =
                    new StudentCheck(
                            id,
                            ok,
                            result.path("roleAssumed").asBoolean(false),
                            result.path("streamFound").asBoolean(false),
                            text(result, "streamStatus"),
                            code,
                            error,
                            "");
            results.add(
                    ok
                            ? check
                            : new StudentCheck(
                                    id,
                                    false,
                                    check.roleAssumed(),
                                    check.streamFound(),
                                    check.streamStatus(),
                                    code,
                                    error,
                                    hints.fix(check, registered.get(id))));
        }
        return results;
    }

    static byte[] request(String sourceArn, List<String> ids) {
        ObjectNode request = JSON.createObjectNode();
        request.put("action", "check");
        request.put("sourceArn", sourceArn);
        ids.forEach(request.putArray("ids")::add);
        return request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String fanoutRole(String function) {
        try {
            return lambda.getFunctionConfiguration(r -> r.functionName(function)).role();
        } catch (ResourceNotFoundException e) {
            throw new FanoutException(
                    ExitCodes.AWS,
                    "function " + function + " does not exist here: run `fanout deploy`");
        }
    }

    private JsonNode invoke(String function, byte[] payload) {
        InvokeResponse response =
                lambda.invoke(
                        r ->
                                r.functionName(function)
                                        .invocationType(InvocationType.REQUEST_RESPONSE)
                                        .payload(SdkBytes.fromByteArray(payload)));
        JsonNode body = parse(response.payload());
        if (response.functionError() != null) {
            throw new FanoutException(
                    ExitCodes.AWS,
                    "the function failed the check: "
                            + body.path("errorMessage").asText(response.functionError())
                            + " (see its CloudWatch logs; run `fanout deploy` if it is outdated)");
        }
        if (!body.path("results").isArray()) {
            throw new FanoutException(
                    ExitCodes.AWS,
                    "the function did not answer the check (no \"results\"): is it an old version?"
                            + " run `fanout deploy`");
        }
        return body;
    }

    private static JsonNode parse(SdkBytes payload) {
        try {
            return payload == null ? JSON.createObjectNode() : JSON.readTree(payload.asByteArray());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
