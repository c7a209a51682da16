package fanout.console.aws.memory;

import fanout.console.aws.policy.AccessRequest;
import fanout.console.aws.policy.AwsFaults;
import fanout.console.aws.policy.PolicyEvaluator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

/**
 * Event source mappings of {@link InMemoryLambda}. Like AWS: a mapping is Creating, Enabling,
 * Disabling, Updating or Deleting for a few reads (or a few seconds) before it settles; it cannot
 * be updated or deleted meanwhile (ResourceInUseException); and it cannot be created while the
 * function's role lacks read access to the stream (the grant itself takes {@code settlePolls}
 * attempts to propagate).
 */
final class InMemoryEventSourceMappings {
    /** How long a transition takes at most when nobody reads the mapping. */
    static final java.time.Duration SETTLE_TIME = java.time.Duration.ofSeconds(3);

    private static final List<String> READ_ACTIONS =
            List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream");

    private final InMemoryLambda lambda;
    private final InMemoryIam iam;
    private final Clock clock;
    private final int settlePolls;
    private final Map<String, StoredMapping> mappings = new LinkedHashMap<>();
    private final Map<String, Integer> grantFailuresLeft = new HashMap<>();

    InMemoryEventSourceMappings(InMemoryLambda lambda, InMemoryIam iam, Clock clock, int settle) {
        this.lambda = lambda;
        this.iam = iam;
        this.clock = clock;
        this.settlePolls = settle;
    }

    synchronized CreateEventSourceMappingResponse create(CreateEventSourceMappingRequest request) {
        LambdaVersions.MappingTarget target = lambda.mappingTarget(request.functionName());
        String source = request.eventSourceArn();
        requireUnmapped(target.functionArn(), source, null);
        requireReadAccess(target.role(), source);
        boolean enabled = request.enabled() == null || request.enabled();
        StoredMapping mapping =
                new StoredMapping(
                        LambdaFaults.newUuid(), target.functionArn(), source, clock.instant());
        mapping.configuration =
                SdkCopy.into(request, EventSourceMappingConfiguration.builder())
                        .uuid(mapping.uuid)
                        .functionArn(mapping.functionArn)
                        .batchSize(request.batchSize() == null ? 100 : request.batchSize())
                        .lastModified(mapping.lastModified)
                        .lastProcessingResult("No records processed")
                        .build();
        mapping.transition(
                "Creating", enabled ? "Enabled" : "Disabled", settlePolls, clock.instant());
        mappings.put(mapping.uuid, mapping);
        return SdkCopy.into(
                        mapping.read(false, clock.instant()),
                        CreateEventSourceMappingResponse.builder())
                .build();
    }

    /**
     * The mappings of a function and/or source. A function name matches its qualifier exactly:
     * {@code fanout} lists the unqualified function's mappings only, {@code fanout:live} the
     * alias's (AWS does not document which way it goes; the strict reading makes callers ask).
     */
    synchronized ListEventSourceMappingsResponse list(ListEventSourceMappingsRequest request) {
        String function =
                request.functionName() == null
                        ? null
                        : lambda.functionArnOf(request.functionName());
        List<EventSourceMappingConfiguration> found = new ArrayList<>();
        for (StoredMapping mapping : new ArrayList<>(mappings.values())) {
            boolean functionMatches = function == null || mapping.functionArn.equals(function);
            boolean sourceMatches =
                    request.eventSourceArn() == null
                            || mapping.source.equals(request.eventSourceArn());
            if (functionMatches && sourceMatches) {
                EventSourceMappingConfiguration read = read(mapping);
                if (read != null) {
                    found.add(read);
                }
            }
        }
        return ListEventSourceMappingsResponse.builder().eventSourceMappings(found).build();
    }

    synchronized GetEventSourceMappingResponse get(GetEventSourceMappingRequest request) {
        EventSourceMappingConfiguration read = read(find(request.uuid()));
        if (read == null) {
            throw notFound(request.uuid());
        }
        return SdkCopy.into(read, GetEventSourceMappingResponse.builder()).build();
    }

    synchronized UpdateEventSourceMappingResponse update(UpdateEventSourceMappingRequest request) {
        StoredMapping mapping = find(request.uuid());
        requireSettled(mapping, "update");
        if (request.functionName() != null) {
            String target = lambda.mappingTarget(request.functionName()).functionArn();
            requireUnmapped(target, mapping.source, mapping.uuid);
            mapping.functionArn = target;
        }
        mapping.lastModified = clock.instant();
        mapping.configuration =
                StoredMapping.changed(mapping.configuration, request)
                        .functionArn(mapping.functionArn)
                        .lastModified(mapping.lastModified)
                        .build();
        String settled = mapping.state;
        if (request.enabled() != null && request.enabled() != settled.equals("Enabled")) {
            boolean enabled = request.enabled();
            mapping.transition(
                    enabled ? "Enabling" : "Disabling",
                    enabled ? "Enabled" : "Disabled",
                    settlePolls,
                    clock.instant());
        } else {
            mapping.transition("Updating", settled, settlePolls, clock.instant());
        }
        return SdkCopy.into(
                        mapping.read(false, clock.instant()),
                        UpdateEventSourceMappingResponse.builder())
                .build();
    }

    synchronized DeleteEventSourceMappingResponse delete(DeleteEventSourceMappingRequest request) {
        StoredMapping mapping = find(request.uuid());
        requireSettled(mapping, "delete");
        mapping.transition("Deleting", null, Math.max(1, settlePolls), clock.instant());
        return SdkCopy.into(
                        mapping.read(false, clock.instant()),
                        DeleteEventSourceMappingResponse.builder())
                .build();
    }

    /** Like Lambda: one mapping per (exactly qualified) function ARN and source. */
    private void requireUnmapped(String functionArn, String source, String exceptUuid) {
        for (StoredMapping existing : mappings.values()) {
            if (existing.functionArn.equals(functionArn)
                    && existing.source.equals(source)
                    && !existing.uuid.equals(exceptUuid)) {
                throw AwsFaults.LAMBDA.<ResourceConflictException>fault(
                        ResourceConflictException.builder(),
                        409,
                        "The event source arn ("
                                + source
                                + ") and function ("
                                + shortName(functionArn)
                                + ") provided mapping already exists. Please update or delete the"
                                + " existing mapping with UUID "
                                + existing.uuid);
            }
        }
    }

    /** {@code fanout} or {@code fanout:live}: what follows {@code :function:} in the ARN. */
    private static String shortName(String functionArn) {
        String marker = ":function:";
        return functionArn.substring(functionArn.indexOf(marker) + marker.length());
    }

    /** Like Lambda: a mapping in a transition (Creating, Enabling, Updating, ...) is in use. */
    private void requireSettled(StoredMapping mapping, String operation) {
        mapping.settle(clock.instant());
        if (mapping.settled == null && !mapping.state.equals("Deleting")) {
            return;
        }
        throw AwsFaults.LAMBDA.<ResourceInUseException>fault(
                ResourceInUseException.builder(),
                400,
                "Cannot "
                        + operation
                        + " the event source mapping because it is in use: "
                        + mapping.uuid
                        + " is "
                        + mapping.state);
    }

    /** The mapping as a read shows it, settling a transition; null once a delete completed. */
    private EventSourceMappingConfiguration read(StoredMapping mapping) {
        mapping.settle(clock.instant());
        if (mapping.pollsLeft == 0 && mapping.settled == null && "Deleting".equals(mapping.state)) {
            mappings.remove(mapping.uuid);
            return null;
        }
        return mapping.read(true, clock.instant());
    }

    private void requireReadAccess(String roleArn, String streamArn) {
        RoleView role = iam.role(roleArn).orElse(null);
        boolean granted =
                role != null
                        && READ_ACTIONS.stream()
                                .allMatch(
                                        action ->
                                                PolicyEvaluator.allows(
                                                        role.policies(),
                                                        new AccessRequest(action, streamArn)));
        if (granted) {
            String key = role.roleId() + "#" + role.generation();
            int left = grantFailuresLeft.computeIfAbsent(key, k -> settlePolls);
            if (left == 0) {
                return;
            }
            grantFailuresLeft.put(key, left - 1);
        }
        throw LambdaFaults.invalidParameter(
                "Cannot access stream "
                        + streamArn
                        + ". Please ensure the role can perform the GetRecords, GetShardIterator,"
                        + " DescribeStream, and ListStreams Actions on your stream in IAM.");
    }

    private StoredMapping find(String uuid) {
        StoredMapping mapping = mappings.get(uuid);
        if (mapping == null) {
            throw notFound(uuid);
        }
        return mapping;
    }

    private static ResourceNotFoundException notFound(String uuid) {
        return AwsFaults.LAMBDA.fault(
                ResourceNotFoundException.builder(),
                404,
                "The resource you requested does not exist. (Service: Lambda, UUID " + uuid + ")");
    }
}
