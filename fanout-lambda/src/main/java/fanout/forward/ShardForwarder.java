package fanout.forward;

import fanout.catchup.ShardReading;
import fanout.mapping.Arn;
import fanout.metrics.InvocationMetrics;
import fanout.metrics.MetricNames;
import fanout.record.SourceRecord;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One shard's records to every active destination of their source: mappings from the cache, the
 * shard's cursors, live destinations given the batch and behind ones the source from their cursor,
 * each within its slice, then the new cursors. The batch completes for the shard whatever the
 * destinations did; only a shard whose mappings cannot be read goes back to Lambda.
 */
public final class ShardForwarder {
    private static final Logger LOG = Logger.getLogger(ShardForwarder.class.getName());

    private final MappingCache mappings;
    private final MappingValidator validator;
    private final BatchPreparer preparer;
    private final CursorBook book;
    private final DestinationPool pool;
    private final ShardReading reading;
    private final Standings standings;
    private final Clock clock;

    public ShardForwarder(
            MappingCache mappings,
            MappingValidator validator,
            BatchPreparer preparer,
            StateStore state,
            DestinationPool pool,
            ShardReading reading,
            Clock clock) {
        this.mappings = Objects.requireNonNull(mappings, "mappings is required");
        this.validator = Objects.requireNonNull(validator, "validator is required");
        this.preparer = Objects.requireNonNull(preparer, "preparer is required");
        this.book = new CursorBook(Objects.requireNonNull(state, "state is required"));
        this.pool = Objects.requireNonNull(pool, "pool is required");
        this.reading = Objects.requireNonNull(reading, "reading is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.standings = new Standings(clock);
    }

    /**
     * @param handBack the sequence number to retry this shard from, if any
     * @param errors last errors to store (at most one per target)
     * @param from the cursors as they were, null when the shard was not served
     * @param next the cursors to write (only if they differ from {@code from})
     * @param stateErrors state table failures so far
     */
    public record Outcome(
            Optional<String> handBack,
            List<LastError> errors,
            ShardCursors from,
            ShardCursors next,
            int stateErrors) {}

    /** A live batch of one shard. */
    public Outcome forward(
            List<SourceRecord> records, Deadline deadline, InvocationMetrics metrics) {
        SourceRecord first = records.get(0);
        String sourceArn = first.eventSourceArn();
        String stream = streamName(sourceArn);
        metrics.invocation(stream);
        metrics.recordsIn(stream, records.size());
        return serve(sourceArn, first.shardId(), records, deadline, metrics);
    }

    /** No live batch: the behind destinations of one shard catch up from the source. */
    public Outcome drain(
            String sourceArn, String shardId, Deadline deadline, InvocationMetrics metrics) {
        return serve(sourceArn, shardId, List.of(), deadline, metrics);
    }

    /** Writes the outcome's cursors; what cannot be written stays in this container. */
    public boolean save(Outcome outcome, Runnable stateError) {
        if (outcome.from() == null) {
            return true;
        }
        return book.save(outcome.from(), outcome.next(), e -> stateError.run());
    }

    private Outcome serve(
            String sourceArn,
            String shardId,
            List<SourceRecord> batch,
            Deadline deadline,
            InvocationMetrics metrics) {
        List<LastError> errors = new ArrayList<>();
        Optional<List<Destination>> destinations = destinations(sourceArn, errors, metrics);
        if (destinations.isEmpty()) {
            Optional<String> back =
                    batch.isEmpty() ? Optional.empty() : Optional.of(batch.get(0).sequenceNumber());
            return new Outcome(back, errors, null, null, 0);
        }
        AtomicInteger stateErrors = new AtomicInteger();
        ShardCursors from = book.load(sourceArn, shardId, e -> stateErrors.incrementAndGet());
        ShardServing serving =
                new ShardServing(
                        from,
                        batch,
                        streamName(sourceArn),
                        preparer,
                        pool,
                        reading,
                        standings,
                        clock);
        try {
            ShardCursors next = serving.serve(destinations.get(), deadline, metrics, errors);
            return new Outcome(Optional.empty(), errors, from, next, stateErrors.get());
        } catch (RuntimeException e) {
            if (serving.delivering() || batch.isEmpty()) {
                // Delivered already: sending the batch again would duplicate it for everyone.
                LOG.log(Level.SEVERE, "bookkeeping of " + shardId + " failed after delivery", e);
                return new Outcome(Optional.empty(), errors, from, from, stateErrors.get());
            }
            LOG.log(Level.SEVERE, "forwarding " + shardId + " failed before delivery", e);
            return new Outcome(Optional.of(batch.get(0).sequenceNumber()), errors, null, null, 0);
        }
    }

    /**
     * The valid active destinations, adding the invalid rows' errors (once per mapping read); the
     * last good mappings (and a MappingReadErrors warning) when the table cannot be read now; empty
     * only when it has never been read: then nothing can be delivered, and the whole shard batch
     * goes back for Lambda to retry.
     */
    private Optional<List<Destination>> destinations(
            String sourceArn, List<LastError> errors, InvocationMetrics metrics) {
        try {
            MappingCache.Snapshot snapshot = mappings.active(sourceArn);
            if (snapshot.readError().isPresent()) {
                metrics.warning(streamName(sourceArn), MetricNames.MAPPING_READ_ERRORS, 1);
            }
            MappingValidator.Result valid = validator.validate(snapshot.mappings());
            if (snapshot.fresh()) {
                valid.invalid()
                        .forEach(
                                i ->
                                        errors.add(
                                                new LastError(
                                                        sourceArn,
                                                        i.targetId(),
                                                        i.problem().message(),
                                                        i.problem().code(),
                                                        clock.instant())));
            }
            return Optional.of(valid.destinations());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "cannot read the mappings of " + sourceArn + ": " + AwsFailures.describe(e),
                    e);
            return Optional.empty();
        }
    }

    /** The SourceStream dimension: the stream's name, as the console asks for it. */
    static String streamName(String sourceArn) {
        try {
            return Arn.parse(sourceArn).shortName();
        } catch (IllegalArgumentException e) {
            return sourceArn;
        }
    }
}
