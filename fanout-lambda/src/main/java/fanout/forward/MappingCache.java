package fanout.forward;

import fanout.mapping.Mapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The active mappings of each source, read at most once per TTL per container: a class of 300
 * students must not cost 300 reads per batch, and a change is picked up within the TTL. Once a
 * source has been read, later reads run beside delivery: the batch waits {@link #FRESH_WAIT} at
 * most for them and is otherwise served the last good mappings, so a slow or failing table never
 * adds its timeout to an invocation (and so to every batch queued behind it). When the table cannot
 * be read, the last good mappings keep serving (a class does not change much in a minute; sending
 * the whole batch back would re-send it to everyone) and the read is tried again after {@link
 * #RETRY_AFTER_FAILURE}.
 */
public final class MappingCache {
    private static final Logger LOG = Logger.getLogger(MappingCache.class.getName());

    /**
     * A failing table is not read again on every batch, nor at every (short) TTL: a failing table
     * is tried twice a minute.
     */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    /**
     * How long a batch waits for a refresh when it has mappings to serve meanwhile: a healthy Query
     * answers well within it, a failing one is not waited for.
     */
    public static final Duration FRESH_WAIT = Duration.ofMillis(50);

    private final MappingReader reader;
    private final Duration ttl;
    private final Clock clock;
    private final Executor refreshes;
    private final Map<String, Entry> bySource = new ConcurrentHashMap<>();

    /**
     * @param refreshes runs the reads made while older mappings can be served
     */
    public MappingCache(MappingReader reader, Duration ttl, Clock clock, Executor refreshes) {
        this.reader = Objects.requireNonNull(reader, "reader is required");
        this.ttl = Objects.requireNonNull(ttl, "ttl is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.refreshes = Objects.requireNonNull(refreshes, "refreshes is required");
    }

    /**
     * The active mappings of a source, read again once the TTL has passed.
     *
     * @throws RuntimeException the reader's failure, only when no good read exists yet
     */
    public synchronized Snapshot active(String sourceArn) {
        Instant now = clock.instant();
        Entry cached = bySource.get(sourceArn);
        if (cached == null) {
            // Nothing to serve meanwhile: this batch waits for the read (bounded by the reader).
            return store(sourceArn, now, reader.read(sourceArn));
        }
        CompletableFuture<List<Mapping>> refresh = cached.refresh();
        if (refresh == null) {
            if (now.isBefore(cached.nextReadAt())) {
                return cached.snapshot().reused();
            }
            refresh = CompletableFuture.supplyAsync(() -> reader.read(sourceArn), refreshes);
            cached = new Entry(cached.snapshot(), cached.nextReadAt(), refresh, now);
            bySource.put(sourceArn, cached);
        }
        try {
            List<Mapping> read = refresh.get(FRESH_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            return store(sourceArn, cached.refreshStarted(), read);
        } catch (TimeoutException e) {
            return cached.snapshot().reused(); // still reading: the next batch takes its answer
        } catch (ExecutionException e) {
            return failed(sourceArn, cached, now, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached.snapshot().reused();
        }
    }

    private Snapshot store(String sourceArn, Instant readAt, List<Mapping> read) {
        List<Mapping> active = read.stream().filter(Mapping::active).toList();
        Snapshot fresh = new Snapshot(active, readAt, true, Optional.empty());
        bySource.put(sourceArn, new Entry(fresh, readAt.plus(ttl), null, null));
        return fresh;
    }

    private Snapshot failed(String sourceArn, Entry cached, Instant now, Throwable e) {
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
        bySource.put(
                sourceArn, new Entry(cached.snapshot(), now.plus(RETRY_AFTER_FAILURE), null, null));
        return cached.snapshot().reused().withReadError(problem);
    }

    /**
     * @param refresh the read in flight, if any (its answer is taken by the first batch after it)
     */
    private record Entry(
            Snapshot snapshot,
            Instant nextReadAt,
            CompletableFuture<List<Mapping>> refresh,
            Instant refreshStarted) {}

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
