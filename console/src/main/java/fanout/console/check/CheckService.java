package fanout.console.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.deploy.Polling;
import fanout.console.deploy.TrustBinding;
import fanout.console.problem.AwsAccessException;
import fanout.control.ControlInvocations;
import fanout.control.ControlRequests;
import fanout.mapping.Mapping;
import fanout.time.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Asks the deployed function, through a control invocation, whether it can reach each student: only
 * the function's role is trusted by students' roles, so only the function can tell.
 */
public final class CheckService {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Students per control invocation: 100 checks at the forwarder's concurrency take seconds, so a
     * class of 300 never runs into the function's timeout.
     */
    static final int STUDENTS_PER_INVOCATION = 100;

    /** Added to the function's timeout for the whole Invoke call (cold start, network). */
    static final Duration INVOKE_MARGIN = Duration.ofSeconds(30);

    private final LambdaClient lambda;
    private final LambdaClient invoker;
    private final MappingLookup mappings;
    private final String region;
    private final Optional<String> assumableRoles;
    private final Sleeper sleeper;
    private final Consumer<String> notices;
    private final Function<String, Optional<Instant>> roleCreated;

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
        this(
                lambda,
                lambda,
                mappings,
                region,
                assumableRoles,
                Sleeper.SYSTEM,
                notice -> {},
                role -> Optional.empty());
    }

    /**
     * @param invoker the client for Invoke (never retried by the SDK, reads long enough)
     * @param assumableRoles the fan-out role's sts:AssumeRole resource, for the fix hints
     * @param notices told when the check waits for the function (Pending, Inactive)
     * @param roleCreated when the fan-out role (by ARN) was created, to tell students whose trust
     *     policy predates a re-created role
     */
    public CheckService(
            LambdaClient lambda,
            LambdaClient invoker,
            MappingLookup mappings,
            String region,
            Optional<String> assumableRoles,
            Sleeper sleeper,
            Consumer<String> notices,
            Function<String, Optional<Instant>> roleCreated) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.region = Objects.requireNonNull(region, "region");
        this.assumableRoles = Objects.requireNonNull(assumableRoles, "assumableRoles");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.roleCreated = Objects.requireNonNull(roleCreated, "roleCreated");
    }

    /**
     * @param ids the students to check; empty for every registration of the source
     * @return one result per student, in the function's order
     */
    public List<StudentCheck> check(String function, String sourceArn, List<String> ids) {
        GetFunctionConfigurationResponse configuration = configuration(function);
        String fanoutRole = configuration.role();
        Duration timeout =
                Duration.ofSeconds(configuration.timeout() == null ? 3 : configuration.timeout())
                        .plus(INVOKE_MARGIN);
        Map<String, Mapping> registered = mappings.mappings(sourceArn);
        List<JsonNode> answers = new ArrayList<>();
        for (List<String> chunk : chunks(ids, registered)) {
            invoke(function, request(sourceArn, chunk), timeout)
                    .path(ControlInvocations.RESULTS)
                    .forEach(answers::add);
        }
        FixHints hints = new FixHints(fanoutRole, region, assumableRoles);
        Optional<Instant> created = roleCreated.apply(fanoutRole);
        List<StudentCheck> results = new ArrayList<>();
        for (JsonNode result : answers) {
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
                                    fix(hints, check, registered.get(id), fanoutRole, created)));
        }
        long refused = results.stream().filter(r -> !r.ok() && !r.roleAssumed()).count();
        if (created.isPresent() && refused > 1 && refused * 2 > results.size()) {
            notices.accept(
                    refused
                            + " of "
                            + results.size()
                            + " students' roles refuse the fan-out role: if "
                            + fanoutRole
                            + " was deleted and re-created (this one was created "
                            + created.get()
                            + "), "
                            + TrustBinding.SAVE_AGAIN);
        }
        return results;
    }

    private static String fix(
            FixHints hints,
            StudentCheck check,
            Mapping mapping,
            String fanoutRole,
            Optional<Instant> created) {
        if (!check.roleAssumed()
                && mapping != null
                && created.isPresent()
                && TrustBinding.predates(mapping, created.get())) {
            return TrustBinding.fix(fanoutRole, created.get());
        }
        return hints.fix(check, mapping);
    }

    static byte[] request(String sourceArn, List<String> ids) {
        ObjectNode request = ControlRequests.check(sourceArn, ids);
        return request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The ids each control invocation checks: as asked; or, for the whole class, the registered ids
     * in chunks once the class is larger than one invocation should take.
     */
    static List<List<String>> chunks(List<String> ids, Map<String, Mapping> registered) {
        if (!ids.isEmpty() || registered.size() <= STUDENTS_PER_INVOCATION) {
            return List.of(ids);
        }
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(registered.keySet()));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += STUDENTS_PER_INVOCATION) {
            chunks.add(all.subList(from, Math.min(all.size(), from + STUDENTS_PER_INVOCATION)));
        }
        return chunks;
    }

    private GetFunctionConfigurationResponse configuration(String function) {
        try {
            return lambda.getFunctionConfiguration(r -> r.functionName(function));
        } catch (ResourceNotFoundException e) {
            throw new AwsAccessException(
                    "function " + function + " does not exist here: run `fanout deploy`");
        }
    }

    /**
     * Invokes the check; a function that is Pending (just deployed) or Inactive (idle for weeks;
     * the failed invoke starts re-creating it) is awaited until Active and invoked once more.
     */
    private JsonNode invoke(String function, byte[] payload, Duration timeout) {
        InvokeResponse response;
        try {
            response = invokeOnce(function, payload, timeout);
        } catch (ResourceConflictException e) {
            String state = String.valueOf(e.getMessage());
            if (!state.contains("Pending") && !state.contains("Inactive")) {
                throw e;
            }
            notices.accept(
                    "function "
                            + function
                            + " is "
                            + (state.contains("Inactive")
                                    ? "Inactive (idle for a while): Lambda is re-creating it"
                                    : "Pending (still being set up)")
                            + "; waiting until it is Active, then checking once more");
            Polling.FUNCTION_READY.await(
                    "function " + function + " to become Active",
                    () ->
                            lambda.getFunctionConfiguration(r -> r.functionName(function)).state()
                                            == State.ACTIVE
                                    ? Optional.of(true)
                                    : Optional.empty(),
                    sleeper,
                    notices);
            response = invokeOnce(function, payload, timeout);
        }
        JsonNode body = parse(response.payload());
        if (response.functionError() != null) {
            throw new AwsAccessException(
                    "the function failed the check: "
                            + body.path("errorMessage").asText(response.functionError())
                            + " (see its CloudWatch logs; run `fanout deploy` if it is outdated)");
        }
        if (!body.path(ControlInvocations.RESULTS).isArray()) {
            throw new AwsAccessException(
                    "the function did not answer the check (no \"results\"): is it an old version?"
                            + " run `fanout deploy`");
        }
        return body;
    }

    private InvokeResponse invokeOnce(String function, byte[] payload, Duration timeout) {
        return invoker.invoke(
                r ->
                        r.functionName(function)
                                .invocationType(InvocationType.REQUEST_RESPONSE)
                                .payload(SdkBytes.fromByteArray(payload))
                                .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
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
