package fanout.forward;

import fanout.mapping.Mapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The active mappings of each source, read at most once per TTL per container: a class of 300
 * students must not cost 300 reads per batch, and a change is picked up within the TTL. When the
 * table cannot be read, the last good mappings keep serving (a class does not change much in a
 * minute; sending the whole batch back would re-send it to everyone) and the read is tried again
 * after {@link #RETRY_AFTER_FAILURE}.
 */
public final class MappingCache {
    private static final Logger LOG = Logger.getLogger(MappingCache.class.getName());

    /**
     * A failing table is not read again on every batch, nor at every (short) TTL: each failed read
     * costs the batch that makes it a bounded call, so a failing table is tried twice a minute.
     */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final MappingReader reader;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> bySource = new ConcurrentHashMap<>();

    public MappingCache(MappingReader reader, Duration ttl, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader is required");
        this.ttl = Objects.requireNonNull(ttl, "ttl is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * The active mappings of a source, read again once the TTL has passed.
     *
     * @throws RuntimeException the reader's failure, only when no good read exists yet
     */
    public Snapshot active(String sourceArn) {
        Instant now = clock.instant();
        Entry cached = bySource.get(sourceArn);
        if (cached != null && now.isBefore(cached.nextReadAt())) {
            return cached.snapshot().reused();
        }
        List<Mapping> active;
        try {
            active = reader.read(sourceArn).stream().filter(Mapping::active).toList();
        } catch (RuntimeException e) {
            if (cached == null) {
                throw e;
            }
            String problem = AwsFailures.describe(e);
            LOG.log(
                    Level.WARNING,
                    "cannot read the mappings of "
                            + sourceArn
                            + ", serving those read at "
                            + cached.snapshot().readAt()
                            + ": "
                            + problem,
                    e);
            bySource.put(sourceArn, new Entry(cached.snapshot(), now.plus(RETRY_AFTER_FAILURE)));
            return cached.snapshot().reused().withReadError(problem);
        }
        Snapshot fresh = new Snapshot(active, now, true, Optional.empty());
        bySource.put(sourceArn, new Entry(fresh, now.plus(ttl)));
        return fresh;
    }

    private record Entry(Snapshot snapshot, Instant nextReadAt) {}

    /**
     * Active mappings as read at {@code readAt}.
     *
     * @param fresh read from the table by this call (so problems with rows are reported once per
     *     TTL, not once per batch)
     * @param readError why this call's read failed and older mappings are served, if it did
     */
    public record Snapshot(
            List<Mapping> mappings, Instant readAt, boolean fresh, Optional<String> readError) {
        public Snapshot {
            mappings = List.copyOf(mappings);
            Objects.requireNonNull(readError, "readError must be present or empty, not null");
        }

        public Snapshot(List<Mapping> mappings, Instant readAt, boolean fresh) {
            this(mappings, readAt, fresh, Optional.empty());
        }

        Snapshot reused() {
            return new Snapshot(mappings, readAt, false, Optional.empty());
        }

        Snapshot withReadError(String problem) {
            return new Snapshot(mappings, readAt, fresh, Optional.of(problem));
        }
    }
}
