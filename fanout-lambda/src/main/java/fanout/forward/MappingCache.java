package fanout.forward;

import fanout.mapping.Mapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active mappings of each source, read at most once per TTL per container: a class of 300
 * students must not cost 300 reads per batch, and a change is picked up within the TTL.
 */
public final class MappingCache {
    private final MappingReader reader;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Snapshot> bySource = new ConcurrentHashMap<>();

    public MappingCache(MappingReader reader, Duration ttl, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader is required");
        this.ttl = Objects.requireNonNull(ttl, "ttl is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** The active mappings of a source, read again once the TTL has passed. */
    public Snapshot active(String sourceArn) {
        Instant now = clock.instant();
        Snapshot cached = bySource.get(sourceArn);
        if (cached != null && now.isBefore(cached.readAt().plus(ttl))) {
            return new Snapshot(cached.mappings(), cached.readAt(), false);
        }
        List<Mapping> active = reader.read(sourceArn).stream().filter(Mapping::active).toList();
        Snapshot fresh = new Snapshot(active, now, true);
        bySource.put(sourceArn, fresh);
        return fresh;
    }

    /**
     * Active mappings as read at {@code readAt}.
     *
     * @param fresh read from the table by this call (so problems with rows are reported once per
     *     TTL, not once per batch)
     */
    public record Snapshot(List<Mapping> mappings, Instant readAt, boolean fresh) {
        public Snapshot {
            mappings = List.copyOf(mappings);
        }
    }
}
