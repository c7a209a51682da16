package fanout.control;

import fanout.check.Required;
import fanout.forward.AwsFailures;
import fanout.forward.Destination;
import fanout.forward.KinesisClientFactory;
import fanout.forward.MappingReader;
import fanout.forward.MappingValidator;
import fanout.forward.SinkCallException;
import fanout.mapping.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Checks targets the way the forwarder will reach them: assume the mapping's role, describe its
 * stream in its region. Every mapping of the source is checked, active or not, so a class can be
 * checked before it is activated; the checks run concurrently.
 */
public record TargetChecker(
        MappingReader mappings,
        MappingValidator validator,
        KinesisClientFactory kinesis,
        Executor executor) {
    private static final Set<String> USABLE = Set.of("ACTIVE", "UPDATING");

    public TargetChecker {
        Required.all(
                "mappings, validator, kinesis, executor", mappings, validator, kinesis, executor);
    }

    public List<CheckResult> check(CheckRequest request) {
        Map<String, Mapping> byId = new LinkedHashMap<>();
        mappings.read(request.sourceArn()).forEach(m -> byId.put(m.id(), m));
        List<String> ids = request.ids().isEmpty() ? List.copyOf(byId.keySet()) : request.ids();
        List<CompletableFuture<CheckResult>> checks = new ArrayList<>(ids.size());
        for (String id : ids) {
            Mapping mapping = byId.get(id);
            checks.add(
                    mapping == null
                            ? CompletableFuture.completedFuture(notRegistered(id, request))
                            : CompletableFuture.supplyAsync(() -> check(mapping), executor));
        }
        return checks.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Checks rows that are not (yet) in the table, as given: a student's self-registration is
     * checked this way before anything is written.
     */
    public List<CheckResult> checkCandidates(List<Mapping> candidates) {
        List<CompletableFuture<CheckResult>> checks = new ArrayList<>(candidates.size());
        for (Mapping candidate : candidates) {
            checks.add(CompletableFuture.supplyAsync(() -> check(candidate), executor));
        }
        return checks.stream().map(CompletableFuture::join).toList();
    }

    private CheckResult check(Mapping mapping) {
        Destination destination;
        try {
            destination = validator.destination(mapping);
        } catch (MappingValidator.Rejection e) {
            return CheckResult.failed(mapping.id(), null, null, e.code(), e.getMessage());
        }
        Boolean roleAssumed = destination.role().isPresent() ? Boolean.TRUE : null;
        try {
            StreamDescriptionSummary summary =
                    kinesis.forDestination(destination.region(), destination.role())
                            .describeStreamSummary(b -> b.streamName(destination.streamName()))
                            .streamDescriptionSummary();
            String status = summary.streamStatusAsString();
            if (!USABLE.contains(status)) {
                return new CheckResult(
                        mapping.id(),
                        false,
                        roleAssumed,
                        true,
                        status,
                        CheckResult.STREAM_NOT_ACTIVE,
                        "stream " + destination.streamName() + " is " + status);
            }
            return new CheckResult(mapping.id(), true, roleAssumed, true, status, null, null);
        } catch (SdkException e) {
            return failure(mapping.id(), destination, e);
        }
    }

    private static CheckResult failure(String id, Destination destination, SdkException e) {
        SinkCallException failure = AwsFailures.classify(e);
        if (causedBy(e, StsException.class)) {
            return CheckResult.failed(id, false, null, failure.code(), failure.getMessage());
        }
        Boolean roleAssumed = destination.role().isPresent() ? Boolean.TRUE : null;
        Boolean streamFound =
                AwsFailures.RESOURCE_NOT_FOUND.equals(failure.code()) ? Boolean.FALSE : null;
        String message =
                streamFound == null
                        ? failure.getMessage()
                        : "stream "
                                + destination.streamName()
                                + " not found in "
                                + destination.region()
                                + ": "
                                + failure.getMessage();
        return CheckResult.failed(id, roleAssumed, streamFound, failure.code(), message);
    }

    private static CheckResult notRegistered(String id, CheckRequest request) {
        return CheckResult.failed(
                id,
                null,
                null,
                CheckResult.NOT_REGISTERED,
                "no mapping with id '" + id + "' for " + request.sourceArn());
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
