package fanout.console.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.check.ControlFunction.Invocation;
import fanout.console.check.ControlFunction.Settings;
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

    private final ControlFunction function;
    private final MappingLookup mappings;
    private final String region;
    private final Optional<String> assumableRoles;
    private final Sleeper sleeper;
    private final Consumer<String> notices;
    private final Function<String, Optional<Instant>> roleCreated;

    public CheckService(ControlFunction function, MappingLookup mappings, String region) {
        this(function, mappings, region, Optional.empty());
    }

    /**
     * @param assumableRoles the fan-out role's sts:AssumeRole resource, for the fix hints
     */
    public CheckService(
            ControlFunction function,
            MappingLookup mappings,
            String region,
            Optional<String> assumableRoles) {
        this(
                function,
                mappings,
                region,
                assumableRoles,
                Sleeper.SYSTEM,
                notice -> {},
                role -> Optional.empty());
    }

    /**
     * @param function the deployed function (e.g. {@link LambdaControlFunction})
     * @param assumableRoles the fan-out role's sts:AssumeRole resource, for the fix hints
     * @param notices told when the check waits for the function (Pending, Inactive)
     * @param roleCreated when the fan-out role (by ARN) was created, to tell students whose trust
     *     policy predates a re-created role
     */
    public CheckService(
            ControlFunction function,
            MappingLookup mappings,
            String region,
            Optional<String> assumableRoles,
            Sleeper sleeper,
            Consumer<String> notices,
            Function<String, Optional<Instant>> roleCreated) {
        this.function = Objects.requireNonNull(function, "function");
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
        Settings configuration = configuration(function);
        String fanoutRole = configuration.role();
        Duration timeout =
                Duration.ofSeconds(
                                configuration.timeoutSeconds() == null
                                        ? 3
                                        : configuration.timeoutSeconds())
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

    static String request(String sourceArn, List<String> ids) {
        ObjectNode request = ControlRequests.check(sourceArn, ids);
        return request.toString();
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

    private Settings configuration(String name) {
        return function.settings(name)
                .orElseThrow(
                        () ->
                                new AwsAccessException(
                                        "function "
                                                + name
                                                + " does not exist here: run `fanout deploy`"));
    }

    /**
     * Invokes the check; a function that is Pending (just deployed) or Inactive (idle for weeks;
     * the failed invoke starts re-creating it) is awaited until Active and invoked once more.
     */
    private JsonNode invoke(String name, String payload, Duration timeout) {
        Invocation invocation = function.invoke(name, payload, timeout);
        if (invocation instanceof Invocation.NotReady notReady) {
            notices.accept(
                    "function "
                            + name
                            + " is "
                            + (notReady.inactive()
                                    ? "Inactive (idle for a while): Lambda is re-creating it"
                                    : "Pending (still being set up)")
                            + "; waiting until it is Active, then checking once more");
            Polling.FUNCTION_READY.await(
                    "function " + name + " to become Active",
                    () -> configuration(name).active() ? Optional.of(true) : Optional.empty(),
                    sleeper,
                    notices);
            invocation = function.invoke(name, payload, timeout);
        }
        if (!(invocation instanceof Invocation.Answered answered)) {
            // Lambda refused again right after saying Active: nothing a wait would fix.
            throw new AwsAccessException(
                    "function "
                            + name
                            + " refused the check: "
                            + ((Invocation.NotReady) invocation).reason());
        }
        JsonNode body = parse(answered.payload());
        if (answered.functionError() != null) {
            throw new AwsAccessException(
                    "the function failed the check: "
                            + body.path("errorMessage").asText(answered.functionError())
                            + " (see its CloudWatch logs; run `fanout deploy` if it is outdated)");
        }
        if (!body.path(ControlInvocations.RESULTS).isArray()) {
            throw new AwsAccessException(
                    "the function did not answer the check (no \"results\"): is it an old version?"
                            + " run `fanout deploy`");
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
