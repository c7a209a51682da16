package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * One shard's delivery in one invocation: groups of destinations started on the pool's executor in
 * the order given (the live ones while the source is read for those catching up, then those), and
 * awaited together. The trailing destinations of every group stop when the leading ones are done.
 */
final class DeliveryRound {
    private final DestinationPool pool;
    private final Executor executor;
    private final Clock clock;
    private final Deadline deadline;
    private final BiFunction<Destination, Duration, Turn> turnOf;
    private final Trail trail;
    private final Instant start;
    private final Map<String, Duration> took = new ConcurrentHashMap<>();
    private final List<DeliverySlot> slots = new ArrayList<>();

    DeliveryRound(
            DestinationPool pool,
            Executor executor,
            Clock clock,
            Deadline deadline,
            BiFunction<Destination, Duration, Turn> turnOf) {
        this.pool = pool;
        this.executor = executor;
        this.clock = clock;
        this.deadline = deadline;
        this.turnOf = turnOf;
        this.trail = new Trail(clock, DestinationPool.TRAIL);
        this.start = clock.instant();
    }

    /**
     * @param destinations in the order to start them
     * @param records per target id, the prepared records it is owed, in order
     */
    void start(List<Destination> destinations, Map<String, List<PreparedRecord>> records) {
        for (Destination destination : destinations) {
            DeliverySlot slot =
                    new DeliverySlot(
                            destination, records.getOrDefault(destination.targetId(), List.of()));
            slots.add(slot);
            // Counted before any can finish; a trailing one is let go when its turn comes, so the
            // trail ends once every leader is done and every trailing one has started.
            trail.leads();
            slot.future = CompletableFuture.supplyAsync(() -> pool.serve(slot, this), executor);
        }
    }

    /** Every started destination's report, in the order started. */
    List<DestinationReport> await() {
        // One end for all waits, so hung destinations cost one grace period, not one each.
        long waitEnd =
                System.nanoTime() + deadline.remaining().plus(DestinationPool.GRACE).toNanos();
        List<DestinationReport> reports = new ArrayList<>(slots.size());
        for (DeliverySlot slot : slots) {
            reports.add(slot.await(trail, waitEnd));
        }
        return reports;
    }

    /** How long each finished destination took, from the start of the round. */
    Map<String, Duration> took() {
        return took;
    }

    void took(String targetId) {
        took.put(targetId, Duration.between(start, clock.instant()));
    }

    /** How long the round has run. */
    Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    Deadline deadline() {
        return deadline;
    }

    BiFunction<Destination, Duration, Turn> turnOf() {
        return turnOf;
    }

    Trail trail() {
        return trail;
    }
}
