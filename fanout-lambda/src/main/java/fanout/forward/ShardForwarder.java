package fanout.forward;

import fanout.mapping.Arn;
import fanout.metrics.InvocationMetrics;
import fanout.metrics.MetricNames;
import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import fanout.state.Checkpoint;
import fanout.state.LastError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One shard's records to every active destination of their source: mappings from the cache, records
 * prepared once per variant, destinations in parallel on a bounded executor, then the hand-back
 * plan.
 */
public final class ShardForwarder {
    private static final Logger LOG = Logger.getLogger(ShardForwarder.class.getName());

    private final MappingCache mappings;
    private final MappingValidator validator;
    private final BatchPreparer preparer;
    private final StateStore state;
    private final DestinationPool pool;
    private final int maxBatchRetries;
    private final Clock clock;

    public ShardForwarder(
            MappingCache mappings,
            MappingValidator validator,
            BatchPreparer preparer,
            StateStore state,
            DestinationPool pool,
            int maxBatchRetries,
            Clock clock) {
        this.mappings = Objects.requireNonNull(mappings, "mappings is required");
        this.validator = Objects.requireNonNull(validator, "validator is required");
        this.preparer = Objects.requireNonNull(preparer, "preparer is required");
        this.state = Objects.requireNonNull(state, "state is required");
        this.pool = Objects.requireNonNull(pool, "pool is required");
        this.maxBatchRetries = maxBatchRetries;
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * @param handBack the sequence number to retry this shard from, if any
     * @param errors last errors to store (at most one per target)
     */
    public record Outcome(Optional<String> handBack, List<LastError> errors, HandBack.Plan plan) {}

    public Outcome forward(
            List<SourceRecord> records, Deadline deadline, InvocationMetrics metrics) {
        SourceRecord first = records.get(0);
        String sourceArn = first.eventSourceArn();
        String stream = streamName(sourceArn);
        metrics.invocation(stream);
        metrics.recordsIn(stream, records.size());
        List<LastError> errors = new ArrayList<>();
        Optional<List<Destination>> destinations = destinations(sourceArn, errors, metrics);
        if (destinations.isEmpty()) {
            return new Outcome(
                    Optional.of(first.sequenceNumber()),
                    errors,
                    new HandBack.Plan(Optional.empty(), List.of(), List.of(), List.of()));
        }
        Map<String, Checkpoint> checkpoints =
                destinations.get().isEmpty() ? Map.of() : checkpoints(sourceArn, first.shardId());
        List<DestinationReport> reports =
                pool.deliver(
                        destinations.get(),
                        variants(records, destinations.get()),
                        checkpoints,
                        deadline);
        HandBack.Plan plan =
                HandBack.plan(
                        sourceArn, first.shardId(), records, reports, checkpoints, maxBatchRetries);
        for (DestinationReport report : plan.reports()) {
            record(metrics, stream, report);
            report.lastProblem()
                    .ifPresent(p -> errors.add(lastError(sourceArn, report.targetId(), p)));
        }
        return new Outcome(plan.handBack(), errors, plan);
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
                        .forEach(i -> errors.add(lastError(sourceArn, i.targetId(), i.problem())));
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

    /**
     * The shard's checkpoints; none if they cannot be read, which risks duplicates on a retried
     * batch but never stalls the shard on a state table problem.
     */
    private Map<String, Checkpoint> checkpoints(String sourceArn, String shardId) {
        try {
            return state.checkpoints(sourceArn, shardId);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "cannot read checkpoints of "
                            + sourceArn
                            + " "
                            + shardId
                            + ", delivering the whole batch: "
                            + AwsFailures.describe(e),
                    e);
            return Map.of();
        }
    }

    /**
     * The prepared records per variant, each prepared once and only if some destination needs it.
     */
    private Map<Boolean, List<PreparedRecord>> variants(
            List<SourceRecord> records, List<Destination> destinations) {
        boolean plain = destinations.stream().anyMatch(d -> !d.deaggregate());
        boolean deaggregated = destinations.stream().anyMatch(Destination::deaggregate);
        Map<Boolean, List<PreparedRecord>> variants = new HashMap<>();
        if (plain) {
            variants.put(false, preparer.prepare(records, false));
        }
        if (deaggregated) {
            variants.put(true, preparer.prepare(records, true));
        }
        return variants;
    }

    private static void record(InvocationMetrics metrics, String stream, DestinationReport r) {
        String id = r.targetId();
        metrics.attempted(stream, id);
        count(metrics, stream, id, MetricNames.DELIVERED, r.delivered());
        count(metrics, stream, id, MetricNames.FAILED, r.failed());
        count(metrics, stream, id, MetricNames.THROTTLED, r.throttled());
        count(metrics, stream, id, MetricNames.REJECTED, r.rejected());
        count(metrics, stream, id, MetricNames.RESENT, r.resent());
        metrics.lags(stream, id, r.lagsMillis()); // one lookup per destination, not per record
    }

    private static void count(
            InvocationMetrics metrics, String stream, String id, String name, long n) {
        if (n > 0) {
            metrics.count(stream, id, name, n);
        }
    }

    private LastError lastError(String sourceArn, String targetId, Problem problem) {
        return new LastError(
                sourceArn, targetId, problem.message(), problem.code(), clock.instant());
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
