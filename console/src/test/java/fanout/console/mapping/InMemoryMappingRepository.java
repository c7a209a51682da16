package fanout.console.mapping;

import fanout.mapping.Mapping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The targets table in a map, with the same version and time rules as the DynamoDB one. */
public final class InMemoryMappingRepository implements MappingRepository {
    private final Map<String, Mapping> rows = new TreeMap<>();
    private final Clock clock;
    public int batchCalls;

    public InMemoryMappingRepository(Clock clock) {
        this.clock = clock;
    }

    private static String key(String sourceArn, String id) {
        return sourceArn + "\n" + id;
    }

    @Override
    public List<Mapping> list(String sourceArn) {
        return rows.values().stream().filter(m -> m.sourceArn().equals(sourceArn)).toList();
    }

    @Override
    public List<Mapping> listAll() {
        return List.copyOf(rows.values());
    }

    @Override
    public Optional<Mapping> get(String sourceArn, String id) {
        return Optional.ofNullable(rows.get(key(sourceArn, id)));
    }

    @Override
    public Mapping create(Mapping mapping) {
        if (rows.containsKey(key(mapping.sourceArn(), mapping.id()))) {
            throw new MappingExistsException(mapping.sourceArn(), mapping.id());
        }
        String now = clock.instant().toString();
        Mapping stamped = mapping.withTimes(now, now, 1);
        rows.put(key(mapping.sourceArn(), mapping.id()), stamped);
        return stamped;
    }

    @Override
    public BatchWriteOutcome createAll(List<Mapping> mappings) {
        batchCalls += (mappings.size() + 24) / 25;
        List<Mapping> done = new ArrayList<>();
        for (Mapping mapping : mappings) {
            rows.remove(key(mapping.sourceArn(), mapping.id()));
            done.add(create(mapping));
        }
        return new BatchWriteOutcome(done, List.of());
    }

    @Override
    public Mapping update(Mapping mapping) {
        Mapping current = rows.get(key(mapping.sourceArn(), mapping.id()));
        if (current == null || current.version() != mapping.version()) {
            throw new MappingConflictException(
                    mapping.id(), "mapping '" + mapping.id() + "' changed");
        }
        String now = clock.instant().toString();
        Mapping stored =
                mapping.withTimes(
                        mapping.createdAt() == null ? now : mapping.createdAt(),
                        now,
                        mapping.version() + 1);
        rows.put(key(mapping.sourceArn(), mapping.id()), stored);
        return stored;
    }

    @Override
    public void delete(String sourceArn, String id) {
        rows.remove(key(sourceArn, id));
    }

    @Override
    public BatchWriteOutcome deleteAll(List<Mapping> mappings) {
        batchCalls += (mappings.size() + 24) / 25;
        mappings.forEach(m -> delete(m.sourceArn(), m.id()));
        return new BatchWriteOutcome(mappings, List.of());
    }
}
