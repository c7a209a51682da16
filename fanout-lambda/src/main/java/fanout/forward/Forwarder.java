package fanout.forward;

import fanout.metrics.InvocationMetrics;
import fanout.metrics.MetricsPublisher;
import fanout.record.SourceRecord;
import fanout.state.Checkpoint;
import fanout.state.LastError;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards one Kinesis event: per shard, every active destination served concurrently; then the
 * state writes and the metrics, together, awaited before answering which records go back.
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
        List<LastError> errors = new ArrayList<>();
        List<Checkpoint> writes = new ArrayList<>();
        List<Checkpoint> deletions = new ArrayList<>();
        for (List<SourceRecord> shard : byShard(records).values()) {
            ShardForwarder.Outcome outcome = shards.forward(shard, deadline, invocation);
            outcome.handBack().ifPresent(handBacks::add);
            errors.addAll(outcome.errors());
            writes.addAll(outcome.plan().writes());
            deletions.addAll(outcome.plan().deletions());
        }
        CompletableFuture<Void> saved =
                errors.isEmpty() && writes.isEmpty() && deletions.isEmpty()
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(
                                () -> save(errors, writes, deletions), background);
        CompletableFuture<Void> published = metrics.publish(invocation);
        // Real time from here: the waits must end inside the handler's margin whatever the
        // services do, and an unanswered metrics call must never cost a Lambda timeout.
        long end = System.nanoTime() + deadline.remaining().plus(AFTER_DEADLINE).toNanos();
        if (!awaitUntil(saved, end)) {
            LOG.warning(
                    "state write cut off at the end of the budget ("
                            + errors.size()
                            + " errors, "
                            + writes.size()
                            + " checkpoints not confirmed)");
        }
        if (!awaitUntil(published.exceptionally(this::metricsFailed), end)) {
            LOG.warning("metrics dropped: CloudWatch did not answer within the budget");
        }
        return handBacks;
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

    private void save(List<LastError> errors, List<Checkpoint> writes, List<Checkpoint> deletions) {
        try {
            state.save(errors, writes, deletions);
        } catch (RuntimeException e) {
            // A lost checkpoint means duplicates on the retry, a lost error a stale status: worse
            // than neither, so the batch still answers.
            LOG.log(
                    Level.WARNING,
                    "state write failed ("
                            + errors.size()
                            + " errors, "
                            + writes.size()
                            + " checkpoints): "
                            + AwsFailures.describe(e),
                    e);
        }
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
