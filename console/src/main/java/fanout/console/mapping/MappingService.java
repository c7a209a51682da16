package fanout.console.mapping;

import fanout.console.problem.BadInputException;
import fanout.console.problem.FanoutProblem;
import fanout.console.problem.OperationFailedException;
import fanout.mapping.Mapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The original's verbs on the targets table: register, update, activate/deactivate, unregister,
 * list. Shared by the commands and the full-screen console; failures are {@link FanoutProblem}s
 * whose messages name the flag at fault.
 */
public final class MappingService {
    public static final String ORIGIN_CLI = "cli";

    /** Target types the original forwarded to; this fanout forwards to kinesis only. */
    private static final Set<String> ORIGINAL_TYPES =
            Set.of("firehose", "sqs", "sns", "lambda", "iot", "es", "memcached", "redis");

    private final MappingRepository repository;
    private final TargetAccess access;

    public MappingService(MappingRepository repository) {
        this(repository, TargetAccess.UNCHECKED);
    }

    /**
     * @param access refuses roles and role-less targets that AWS would refuse at class time
     */
    public MappingService(MappingRepository repository, TargetAccess access) {
        this.repository = repository;
        this.access = access;
    }

    public RegisterResult register(
            String sourceArn, String type, String id, TargetFields fields, boolean overwrite) {
        checkType(type);
        id = id == null ? "" : id.trim();
        TargetChecks.id(id).ifPresent(p -> usage("--id: " + p));
        if (fields.destination().filter(d -> !d.isEmpty()).isEmpty()) {
            usage("--destination is required: the student's stream name or stream ARN");
        }
        List<String> warnings = new ArrayList<>();
        Mapping fresh =
                TargetEditor.apply(
                        Mapping.kinesis(sourceArn, id, null).withPeople(null, null, ORIGIN_CLI),
                        fields,
                        warnings);
        access.check(fresh, fields, warnings);
        if (!overwrite) {
            return new RegisterResult(repository.create(fresh), false, warnings);
        }
        Optional<Mapping> existing = repository.get(sourceArn, id);
        if (existing.isEmpty()) {
            return new RegisterResult(repository.create(fresh), false, warnings);
        }
        Mapping replacing =
                fresh.withTimes(
                        existing.get().createdAt(),
                        existing.get().updatedAt(),
                        existing.get().version());
        return new RegisterResult(repository.update(replacing), true, warnings);
    }

    /** Writes every value given in {@code fields}, including the role and external id. */
    public UpdateResult update(String sourceArn, String id, TargetFields fields) {
        Mapping before = existing(sourceArn, id);
        List<String> warnings = new ArrayList<>();
        Mapping after = TargetEditor.apply(before, fields, warnings);
        access.check(after, fields, warnings);
        if (after.equals(before)) {
            return new UpdateResult(before, before, warnings);
        }
        return new UpdateResult(before, repository.update(after), warnings);
    }

    public BulkResult setActive(String sourceArn, IdSelection selection, boolean active) {
        Selected selected = select(sourceArn, selection);
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Mapping mapping : selected.found()) {
            if (mapping.active() == active) {
                unchanged.add(mapping.id());
                continue;
            }
            try {
                repository.update(mapping.withActive(active));
                changed.add(mapping.id());
            } catch (MappingConflictException e) {
                failed.add(e.getMessage());
            }
        }
        return new BulkResult(changed, unchanged, selected.missing(), failed);
    }

    public BulkResult unregister(String sourceArn, IdSelection selection) {
        Selected selected = select(sourceArn, selection);
        List<String> failed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (selected.found().size() == 1) {
            Mapping only = selected.found().get(0);
            repository.delete(only.sourceArn(), only.id());
            removed.add(only.id());
        } else if (!selected.found().isEmpty()) {
            BatchWriteOutcome outcome = repository.deleteAll(selected.found());
            outcome.done().forEach(m -> removed.add(m.id()));
            outcome.failed()
                    .forEach(m -> failed.add(m.id() + ": DynamoDB kept it unprocessed; run again"));
        }
        return new BulkResult(removed, List.of(), selected.missing(), failed);
    }

    /** Mappings of one source (or of every source), sorted by source and id. */
    public List<Mapping> list(Optional<String> sourceArn) {
        List<Mapping> mappings =
                new ArrayList<>(sourceArn.map(repository::list).orElseGet(repository::listAll));
        mappings.sort(Comparator.comparing(Mapping::sourceArn).thenComparing(Mapping::id));
        return mappings;
    }

    private Mapping existing(String sourceArn, String id) {
        return repository
                .get(sourceArn, id)
                .orElseThrow(
                        () ->
                                new OperationFailedException(
                                        "no mapping '"
                                                + id
                                                + "' for "
                                                + sourceArn
                                                + ": check the id with `fanout list`, or register it"));
    }

    private Selected select(String sourceArn, IdSelection selection) {
        Map<String, Mapping> byId = new LinkedHashMap<>();
        list(Optional.of(sourceArn)).forEach(m -> byId.put(m.id(), m));
        if (selection instanceof IdSelection.Ids ids) {
            List<Mapping> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : ids.ids()) {
                Mapping mapping = byId.get(id);
                if (mapping == null) {
                    missing.add(id);
                } else {
                    found.add(mapping);
                }
            }
            return new Selected(found, missing);
        }
        return new Selected(new ArrayList<>(byId.values()), List.of());
    }

    private static void checkType(String type) {
        if (Mapping.TYPE_KINESIS.equals(type)) {
            return;
        }
        String shown = type == null ? "" : type;
        usage(
                "unsupported target type '"
                        + shown
                        + "': this fanout forwards to kinesis streams"
                        + (ORIGINAL_TYPES.contains(shown)
                                ? " (the original's " + shown + " targets are not supported)"
                                : "; use `register kinesis`"));
    }

    private static void usage(String message) {
        throw new BadInputException(message);
    }

    private record Selected(List<Mapping> found, List<String> missing) {}
}
