package fanout.forward;

import fanout.catchup.ShardReading;
import fanout.mapping.Mapping;
import fanout.metrics.MetricsPublisher;
import fanout.metrics.MetricsSnapshot;
import fanout.metrics.TargetTotals;
import fanout.record.SourceRecord;
import fanout.testing.FakeKinesis;
import fanout.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The forwarder wired to fakes: Kinesis, state, mappings, a manual clock and its sleeper. */
final class Harness implements AutoCloseable {
    final FakeKinesis kinesis = new FakeKinesis();
    final ManualClock clock = new ManualClock();
    final InMemoryStateStore state = new InMemoryStateStore();
    final Records.CountingPreparer preparer = new Records.CountingPreparer();
    final List<Mapping> mappings = new CopyOnWriteArrayList<>();
    final AtomicInteger mappingReads = new AtomicInteger();

    /** When set, reading the mapping table fails with it. */
    volatile RuntimeException mappingReadFailure;

    final AtomicInteger published = new AtomicInteger();
    final List<Optional<AssumeRoleSpec>> rolesAsked = new CopyOnWriteArrayList<>();
    int concurrency = 4;
    final FakeSource source = new FakeSource();
    Duration slice = Duration.ofSeconds(1);
    int recordsPerRead = 1000;
    Duration budget = Duration.ofSeconds(30);
    Duration ttl = Duration.ofSeconds(30);
    final List<MetricsSnapshot> snapshots = new CopyOnWriteArrayList<>();
    MetricsPublisher metrics =
            m -> {
                published.incrementAndGet();
                snapshots.add(m.snapshot());
                return CompletableFuture.completedFuture(null);
            };
    private ExecutorService pool;
    private ExecutorService background;
    private Forwarder forwarder;

    Mapping target(String id, String stream) {
        Mapping mapping = Mapping.kinesis(Records.SOURCE_ARN, id, stream).withActive(true);
        mappings.add(mapping);
        return mapping;
    }

    Mapping orderedTarget(String id, String stream) {
        Mapping mapping = target(id, stream).withParallel(false);
        mappings.set(mappings.size() - 1, mapping);
        return mapping;
    }

    Forwarder forwarder() {
        if (forwarder == null) {
            pool = Executors.newFixedThreadPool(concurrency);
            background = Executors.newCachedThreadPool();
            KinesisClientFactory factory =
                    new KinesisClientFactory() {
                        @Override
                        public software.amazon.awssdk.services.kinesis.KinesisClient forDestination(
                                String region, Optional<AssumeRoleSpec> role) {
                            rolesAsked.add(role);
                            return kinesis;
                        }

                        @Override
                        public void close() {}
                    };
            Sinks sinks = Sinks.standard(factory);
            MappingReader reader =
                    source -> {
                        mappingReads.incrementAndGet();
                        if (mappingReadFailure != null) {
                            throw mappingReadFailure;
                        }
                        return List.copyOf(mappings);
                    };
            RetryPolicy retry = RetryPolicy.standard(new Random(7), clock::advance);
            ShardForwarder shards =
                    new ShardForwarder(
                            new MappingCache(reader, ttl, clock, Runnable::run),
                            new MappingValidator(sinks.types(), "us-west-2"),
                            preparer,
                            state,
                            new DestinationPool(sinks, pool, retry, clock, slice),
                            new ShardReading(source, recordsPerRead),
                            clock);
            forwarder = new Forwarder(shards, state, metrics, background);
        }
        return forwarder;
    }

    /**
     * Forwards, answering the hand-back sequence numbers; the records are in the source stream
     * first, as they would be.
     */
    List<String> forward(List<SourceRecord> records) {
        source.append(records);
        return forwarder().forward(records, Deadline.after(clock, budget));
    }

    DrainReport drain() {
        return forwarder().drain(Records.SOURCE_ARN, Deadline.after(clock, budget));
    }

    /** The last invocation's totals of one target. */
    TargetTotals totals(String targetId) {
        return snapshots.get(snapshots.size() - 1).targets().stream()
                .filter(t -> t.targetId().equals(targetId))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            background.shutdownNow();
        }
    }
}
