package fanout.forward;

import fanout.metrics.InvocationMetrics;
import fanout.metrics.MetricsPublisher;
import fanout.record.SourceRecord;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards one Kinesis event: per shard, every active destination served within its slice; then the
 * state writes and the metrics, together, awaited before answering. Nothing after delivery can make
 * a delivered batch go out again: bookkeeping failures are logged and counted, cursors live on in
 * the container.
 */
public final class Forwarder {
    private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());

    /**
     * State writes and metrics may finish this long after the delivery budget: well inside the
     * handler's margin (at least 2 s), which also pays for the answer.
     */
    public static final Duration AFTER_DEADLINE = Duration.ofSeconds(1);

    private final ShardForwarder shards;
    private final StateStore state;
    private final MetricsPublisher metrics;
    private final Executor background;

    /** State table failures not yet published (writes end after the metrics are sent). */
    private final AtomicLong unpublishedStateErrors = new AtomicLong();

    public Forwarder(
            ShardForwarder shards,
            StateStore state,
            MetricsPublisher metrics,
            Executor background) {
        this.shards = Objects.requireNonNull(shards, "shards is required");
        this.state = Objects.requireNonNull(state, "state is required");
        this.metrics = Objects.requireNonNull(metrics, "metrics is required");
        this.background = Objects.requireNonNull(background, "background is required");
    }

    /** Answers the sequence numbers to report as batch item failures (at most one per shard). */
    public List<String> forward(List<SourceRecord> records, Deadline deadline) {
        InvocationMetrics invocation = new InvocationMetrics();
        List<String> handBacks = new ArrayList<>();
        List<ShardForwarder.Outcome> outcomes = new ArrayList<>();
        for (List<SourceRecord> shard : byShard(records).values()) {
            ShardForwarder.Outcome outcome = shards.forward(shard, deadline, invocation);
            outcome.handBack().ifPresent(handBacks::add);
            outcomes.add(outcome);
        }
        finish(records.get(0).sourceStream(), outcomes, invocation, deadline);
        return handBacks;
    }

    /**
     * The behind destinations of every shard of a source catch up from the source, without a live
     * batch (a control invocation when no traffic arrives).
     */
    public DrainReport drain(String sourceArn, Deadline deadline) {
        InvocationMetrics invocation = new InvocationMetrics();
        List<ShardForwarder.Outcome> outcomes = new ArrayList<>();
        List<DrainReport.Shard> report = new ArrayList<>();
        for (ShardCursors shard : state.cursorsOf(sourceArn)) {
            if (shard.cursors().isEmpty()) {
                continue;
            }
            ShardForwarder.Outcome outcome =
                    shards.drain(sourceArn, shard.shardId(), deadline, invocation);
            outcomes.add(outcome);
            ShardCursors after = outcome.next() == null ? shard : outcome.next();
            report.add(
                    new DrainReport.Shard(
                            shard.shardId(), shard.cursors().size(), after.cursors().size()));
        }
        finish(ShardForwarder.streamName(sourceArn), outcomes, invocation, deadline);
        return new DrainReport(sourceArn, report);
    }

    private void finish(
            String stream,
            List<ShardForwarder.Outcome> outcomes,
            InvocationMetrics invocation,
            Deadline deadline) {
        List<LastError> errors = new ArrayList<>();
        long readErrors = 0;
        for (ShardForwarder.Outcome outcome : outcomes) {
            errors.addAll(outcome.errors());
            readErrors += outcome.stateErrors();
        }
        invocation.stateErrors(stream, readErrors + unpublishedStateErrors.getAndSet(0));
        CompletableFuture<Void> saved =
                CompletableFuture.runAsync(() -> save(errors, outcomes), background);
        CompletableFuture<Void> published = metrics.publish(invocation);
        // Real time from here: the waits must end inside the handler's margin whatever the
        // services do, and an unanswered metrics call must never cost a Lambda timeout.
        long end = System.nanoTime() + deadline.remaining().plus(AFTER_DEADLINE).toNanos();
        if (!awaitUntil(saved.exceptionally(this::saveFailed), end)) {
            LOG.warning("state write cut off at the end of the budget (cursors kept in memory)");
        }
        if (!awaitUntil(published.exceptionally(this::metricsFailed), end)) {
            LOG.warning("metrics dropped: CloudWatch did not answer within the budget");
        }
    }

    /** Whether the work finished (however) before {@code endNanos}. */
    private static boolean awaitUntil(CompletableFuture<?> work, long endNanos) {
        try {
            work.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // each task logs its own failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Cursors and last errors written side by side, the errors a table batch per call: a record
     * refused for the whole class (too large, not JSON) leaves 300 last errors, and 12 calls in a
     * row would add their round trips to the invocation, and so to every batch queued behind it.
     */
    private void save(List<LastError> errors, List<ShardForwarder.Outcome> outcomes) {
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < errors.size(); i += DynamoStateStore.MAX_WRITES_PER_BATCH) {
            List<LastError> chunk =
                    errors.subList(
                            i, Math.min(errors.size(), i + DynamoStateStore.MAX_WRITES_PER_BATCH));
            writes.add(CompletableFuture.supplyAsync(() -> saveErrors(chunk), background));
        }
        for (ShardForwarder.Outcome outcome : outcomes) {
            shards.save(outcome, unpublishedStateErrors::incrementAndGet);
        }
        if (writes.stream().map(CompletableFuture::join).anyMatch(saved -> !saved)) {
            unpublishedStateErrors.incrementAndGet(); // one failed write, however many calls
        }
    }

    /** Whether the errors were written. */
    private boolean saveErrors(List<LastError> errors) {
        try {
            state.saveErrors(errors);
            return true;
        } catch (RuntimeException e) {
            // A lost error only makes the status staler; the batch still completes.
            LOG.log(
                    Level.WARNING,
                    "StateErrors: last errors not written ("
                            + errors.size()
                            + "): "
                            + AwsFailures.describe(e),
                    e);
            return false;
        }
    }

    private Void saveFailed(Throwable e) {
        unpublishedStateErrors.incrementAndGet();
        LOG.log(Level.SEVERE, "StateErrors: state not saved: " + AwsFailures.describe(e), e);
        return null;
    }

    private Void metricsFailed(Throwable e) {
        LOG.log(Level.WARNING, "metrics not published: " + AwsFailures.describe(e), e);
        return null;
    }

    private static Map<String, List<SourceRecord>> byShard(List<SourceRecord> records) {
        Map<String, List<SourceRecord>> shards = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            shards.computeIfAbsent(
                            record.eventSourceArn() + "#" + record.shardId(),
                            k -> new ArrayList<>())
                    .add(record);
        }
        return shards;
    }
}
