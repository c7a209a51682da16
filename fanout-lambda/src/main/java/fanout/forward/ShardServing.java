package fanout.forward;

import fanout.catchup.Done;
import fanout.catchup.Positions;
import fanout.catchup.ShardReading;
import fanout.catchup.SourceReadException;
import fanout.metrics.InvocationMetrics;
import fanout.metrics.MetricNames;
import fanout.record.SourceRecord;
import fanout.state.Cursor;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import fanout.state.ShardPosition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One shard, one invocation: who is live and who is behind, what each is owed (the live batch, or
 * the source from its cursor), delivery in the fair order, and where each cursor goes.
 */
final class ShardServing {
    private static final Logger LOG = Logger.getLogger(ShardServing.class.getName());

    static final String EXPIRED = "Expired";

    private final ShardCursors from;
    private final List<SourceRecord> batch;
    private final String stream;
    private final BatchPreparer preparer;
    private final DestinationPool pool;
    private final ShardReading reading;
    private final Standings standings;
    private final Clock clock;
    private final CursorMoves.Shard shard;
    private final Map<String, Cursor> next = new HashMap<>();
    private final Map<String, List<SourceRecord>> lists = new LinkedHashMap<>();
    private final Set<String> reachesLive = new HashSet<>();
    private final Set<String> atShardEnd = new HashSet<>();
    private volatile boolean delivering;

    ShardServing(
            ShardCursors from,
            List<SourceRecord> batch,
            String stream,
            BatchPreparer preparer,
            DestinationPool pool,
            ShardReading reading,
            Standings standings,
            Clock clock) {
        this.from = from;
        this.batch = batch;
        this.stream = stream;
        this.preparer = preparer;
        this.pool = pool;
        this.reading = reading;
        this.standings = standings;
        this.clock = clock;
        this.shard =
                new CursorMoves.Shard(
                        batch,
                        batch.isEmpty()
                                ? from.live()
                                : batch.get(batch.size() - 1).sequenceNumber());
    }

    /**
     * Serves the destinations; answers the shard's new cursors. The live destinations are started
     * first, and the source is read for those behind while they are served, so catching up adds no
     * read to the invocation's time.
     */
    ShardCursors serve(
            List<Destination> destinations,
            Deadline deadline,
            InvocationMetrics metrics,
            List<LastError> errors) {
        Map<String, ShardPosition> wanting = new LinkedHashMap<>();
        Map<String, Destination> byId = new HashMap<>();
        for (Destination d : destinations) {
            byId.put(d.targetId(), d);
            assign(d, from.cursors().get(d.targetId()), wanting);
        }
        OwedRecords owed = new OwedRecords(preparer);
        DeliveryRound round =
                pool.round(
                        deadline,
                        (d, elapsed) ->
                                standings.turn(
                                        d,
                                        from.cursors().containsKey(d.targetId()),
                                        pool.slice(),
                                        elapsed));
        List<Destination> live = inFairOrder(lists.keySet(), byId);
        delivering = true;
        round.start(live, owed.of(live, lists));
        if (!wanting.isEmpty()) {
            catchUp(wanting, metrics, errors);
            List<Destination> behind = inFairOrder(wanting.keySet(), byId);
            behind.removeIf(d -> !lists.containsKey(d.targetId()));
            round.start(behind, owed.of(behind, lists));
        }
        List<DestinationReport> reports = round.await();
        reports.stream()
                .filter(r -> r.started() && r.complete() && r.throttled() == 0)
                .filter(r -> !from.cursors().containsKey(r.targetId()))
                .map(r -> round.took().get(r.targetId()))
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder())
                .ifPresent(standings::healthyTook);
        for (DestinationReport report : reports) {
            String id = report.targetId();
            standings.record(report);
            if (report.started()) {
                record(metrics, report);
                report.lastProblem().ifPresent(p -> errors.add(lastError(id, p)));
            }
            next.put(
                    id,
                    CursorMoves.served(
                            from.cursors().get(id),
                            lists.get(id),
                            report,
                            reachesLive.contains(id),
                            atShardEnd.contains(id),
                            shard));
        }
        next.values().removeIf(java.util.Objects::isNull);
        Instant liveAt =
                batch.isEmpty() ? from.liveAt() : batch.get(batch.size() - 1).approximateArrival();
        return new ShardCursors(
                from.sourceArn(), from.shardId(), from.version(), shard.live(), liveAt, next);
    }

    private List<Destination> inFairOrder(Set<String> ids, Map<String, Destination> byId) {
        List<Destination> served = new ArrayList<>();
        ids.forEach(id -> served.add(byId.get(id)));
        served.sort(standings.fairOrder());
        return served;
    }

    /** Whether delivery has begun (from then on, the batch must never go out again). */
    boolean delivering() {
        return delivering;
    }

    /** Live (the batch), behind (wanting the source), or parked (not served). */
    private void assign(Destination d, Cursor cursor, Map<String, ShardPosition> wanting) {
        String id = d.targetId();
        // A drain (no live batch: the leader's or a schedule's) tries the parked ones too.
        if (!batch.isEmpty() && standings.parked(id)) {
            next.put(id, CursorMoves.unserved(cursor, shard));
            return;
        }
        boolean live = cursor == null || cursor.position().type() == ShardPosition.Type.LATEST;
        if (live && batch.isEmpty()) {
            next.put(id, null);
            return;
        }
        if (live || (!batch.isEmpty() && !Positions.before(cursor.position(), batch.get(0)))) {
            ShardPosition position = live ? ShardPosition.latest() : cursor.position();
            List<SourceRecord> owed =
                    owesWhole(position, cursor, live)
                            ? batch
                            : batch.stream()
                                    .filter(r -> Positions.owes(position, r))
                                    .filter(r -> live || !Done.has(cursor, r))
                                    .toList();
            // The filters only drop: a list as long as the batch is the batch. Sharing the one
            // list lets prepare() do its per-list work once, not once per destination.
            lists.put(id, owed.size() == batch.size() ? batch : owed);
            reachesLive.add(id);
            return;
        }
        wanting.put(id, cursor.position());
    }

    /**
     * A shard's batch is in sequence order, so a destination owing its first record by sequence
     * number, with no ranges already done, owes all of it: 300 destinations skip 100 checks each.
     */
    private boolean owesWhole(ShardPosition position, Cursor cursor, boolean live) {
        return (live || cursor.done().isEmpty())
                && position.type() != ShardPosition.Type.AT_TIMESTAMP
                && Positions.owes(position, batch.get(0));
    }

    private void catchUp(
            Map<String, ShardPosition> wanting, InvocationMetrics metrics, List<LastError> errors) {
        ShardReading.Result read;
        try {
            read = reading.read(from.sourceArn(), from.shardId(), batch, wanting);
        } catch (RuntimeException e) {
            // The live destinations are under way: those behind simply stay where they are.
            LOG.log(
                    java.util.logging.Level.WARNING,
                    "catch-up of " + from.shardId() + " failed",
                    e);
            wanting.forEach(
                    (id, p) -> next.put(id, CursorMoves.unserved(from.cursors().get(id), shard)));
            return;
        }
        read.failure()
                .ifPresent(
                        e ->
                                LOG.warning(
                                        "cannot read the source "
                                                + from.shardId()
                                                + " for "
                                                + wanting.size()
                                                + " behind destinations: "
                                                + e.getMessage()));
        for (String id : wanting.keySet()) {
            Cursor cursor = from.cursors().get(id);
            SourceReadException expired = read.expired().get(id);
            if (expired != null) {
                expire(id, cursor, expired, metrics, errors);
            } else if (read.lists().containsKey(id)) {
                lists.put(
                        id,
                        read.lists().get(id).stream().filter(r -> !Done.has(cursor, r)).toList());
                if (read.reachedLive().contains(id)) {
                    reachesLive.add(id);
                }
                if (read.atShardEnd().contains(id)) {
                    atShardEnd.add(id);
                }
            } else {
                next.put(id, CursorMoves.unserved(cursor, shard));
            }
        }
    }

    /** Records past the source's retention: counted Failed, the cursor goes to the oldest left. */
    private void expire(
            String id,
            Cursor cursor,
            SourceReadException e,
            InvocationMetrics metrics,
            List<LastError> errors) {
        long lost = Math.max(1, cursor.owed());
        metrics.count(stream, id, MetricNames.FAILED, lost);
        errors.add(
                lastError(
                        id,
                        new Problem(
                                EXPIRED,
                                "records fell out of the source's retention before they could be"
                                        + " delivered ("
                                        + e.code()
                                        + "): "
                                        + e.getMessage())));
        next.put(
                id,
                cursor.withPosition(ShardPosition.trimHorizon(), Cursor.UNKNOWN, cursor.since()));
    }

    private void record(InvocationMetrics metrics, DestinationReport r) {
        String id = r.targetId();
        metrics.attempted(stream, id);
        count(metrics, id, MetricNames.DELIVERED, r.delivered());
        count(metrics, id, MetricNames.FAILED, r.failed());
        count(metrics, id, MetricNames.THROTTLED, r.throttled());
        count(metrics, id, MetricNames.REJECTED, r.rejected());
        count(metrics, id, MetricNames.RESENT, r.resent());
        metrics.lags(stream, id, r.lagsMillis()); // one lookup per destination, not per record
    }

    private void count(InvocationMetrics metrics, String id, String name, long n) {
        if (n > 0) {
            metrics.count(stream, id, name, n);
        }
    }

    private LastError lastError(String targetId, Problem problem) {
        return new LastError(
                from.sourceArn(), targetId, problem.message(), problem.code(), clock.instant());
    }
}
