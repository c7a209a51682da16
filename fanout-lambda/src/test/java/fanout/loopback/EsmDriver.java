package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.loopback.HandlerProcess.Invocation;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Lambda's event source mapping for one shard with {@code ReportBatchItemFailures}: reads up to a
 * batch from the source, invokes with the function's timeout as the remaining time, one batch at a
 * time; re-reads from the lowest reported sequence number (the whole batch when the answer names a
 * record outside it or the invocation timed out, which also resets the environment). A producer
 * appends the planned records to the source on schedule meanwhile. Every loop is bounded.
 */
public final class EsmDriver {
    /**
     * @param laterTimeoutMillis the remaining time given from the second batch on (the first one
     *     warms the environment with {@code functionTimeoutMillis})
     * @param maxInvocationsPerBatch after this many invocations on one batch it is skipped, as a
     *     mapping with a retry limit sends it to its on-failure destination
     */
    public record Options(
            int batchSize,
            long functionTimeoutMillis,
            long laterTimeoutMillis,
            int maxInvocationsPerBatch,
            Duration runDeadline,
            Duration idlePoll) {
        public Options {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException(
                        "batchSize must be 1 to 10000, was " + batchSize);
            }
            if (functionTimeoutMillis < 1 || laterTimeoutMillis < 1 || maxInvocationsPerBatch < 1) {
                throw new IllegalArgumentException("timeout and invocations must be positive");
            }
            Objects.requireNonNull(runDeadline, "runDeadline is required");
            Objects.requireNonNull(idlePoll, "idlePoll is required");
        }
    }

    /** One invocation as the mapping saw it, with the handler JVM's figures after it. */
    public record InvocationRecord(
            int firstIndex,
            int records,
            String outcome,
            boolean coldStart,
            double wallMs,
            double cpuMs,
            int liveThreads,
            int peakThreads,
            double heapMb,
            long sinkCalls,
            long putRecordsCalls,
            long newConnections,
            long metricCalls,
            long metricDatums) {}

    /**
     * @param heldMillis per batch: from its first invocation to the one that let the shard move on
     *     (or to the run's deadline)
     * @param processed source records the mapping moved past (the rest it never reached)
     */
    public record Report(
            List<InvocationRecord> invocations,
            List<Long> heldMillis,
            int processed,
            int skippedBatches,
            boolean deadlineHit,
            double firstInitMs,
            double firstBatchMs,
            int environments) {
        public int peakThreads() {
            return invocations.stream().mapToInt(InvocationRecord::peakThreads).max().orElse(0);
        }

        /**
         * The longest any batch after the first held the shard: the first batch carries the cold
         * start, the same in every run (its figure is {@link #firstBatchMs}).
         */
        public long maxHeldMillisWarm() {
            return heldMillis.stream().skip(1).mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private final LoopbackClass lesson;
    private final Supplier<HandlerProcess> environments;
    private final LambdaEvents events = new LambdaEvents();

    public EsmDriver(LoopbackClass lesson, Supplier<HandlerProcess> environments) {
        this.lesson = Objects.requireNonNull(lesson, "lesson is required");
        this.environments = Objects.requireNonNull(environments, "environments is required");
    }

    /** Writes a report and the sink's call counts as JSON, for reading what happened. */
    public static void write(Report report, LoopbackAws sink, java.nio.file.Path file) {
        com.fasterxml.jackson.databind.ObjectMapper json =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        com.fasterxml.jackson.databind.node.ObjectNode root = json.valueToTree(report);
        root.putPOJO("sinkCalls", sink.calls());
        try {
            json.writeValue(file.toFile(), root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Runs the plan; {@code beforeBatch} gets the number of batches done before each new one. */
    public Report run(List<Traffic.Planned> plan, Options options, IntConsumer beforeBatch) {
        LoopbackStreams streams = lesson.sink().streams();
        SourceProducer producer = new SourceProducer(lesson.sink().streams());
        // The first batch arrives at once and warms the environment; the class's traffic runs on
        // its schedule from the moment that batch is through, so every run measures warm batches
        // alike whatever the cold start cost on a busy machine.
        long firstOffset = plan.isEmpty() ? 0 : plan.get(0).offsetMillis();
        List<Traffic.Planned> warming =
                plan.stream().filter(p -> p.offsetMillis() == firstOffset).toList();
        List<Traffic.Planned> rest = plan.subList(warming.size(), plan.size());
        producer.schedule(warming, firstOffset);
        boolean restScheduled = rest.isEmpty();
        long deadline = System.nanoTime() + options.runDeadline().toNanos();
        List<InvocationRecord> invocations = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        HandlerProcess environment = null;
        int environmentsStarted = 0;
        double firstInit = -1;
        double firstBatch = -1;
        int position = 0;
        int batchesDone = 0;
        int skipped = 0;
        int episodeInvocations = 0;
        long episodeStart = -1;
        boolean deadlineHit = false;
        try {
            while (position < plan.size()) {
                if (System.nanoTime() > deadline) {
                    deadlineHit = true;
                    if (episodeStart >= 0) {
                        held.add((System.nanoTime() - episodeStart) / 1_000_000);
                    }
                    break;
                }
                List<LoopbackStreams.Stored> available =
                        streams.records(LoopbackClass.SOURCE_ACCOUNT, LoopbackClass.SOURCE_NAME);
                if (available.size() <= position) {
                    sleep(options.idlePoll());
                    continue;
                }
                List<LoopbackStreams.Stored> batch =
                        available.subList(
                                position,
                                Math.min(available.size(), position + options.batchSize()));
                if (episodeStart < 0) {
                    beforeBatch.accept(batchesDone);
                    episodeInvocations = 0;
                }
                boolean cold = environment == null;
                if (cold) {
                    try {
                        environment = environments.get();
                    } catch (IllegalStateException e) {
                        // Lambda retries a failed init on the next invocation: so does the mapping.
                        invocations.add(
                                new InvocationMeter(lesson.sink())
                                        .record(position, batch.size(), "init failed", true, null));
                        environmentsStarted++;
                        continue; // bounded by the run's deadline
                    }
                    environmentsStarted++;
                    if (firstInit < 0) {
                        firstInit = environment.ready().path("initMs").asDouble();
                    }
                }
                if (episodeStart < 0) {
                    // Held from the first invocation: a JVM start is Lambda's, the same in every
                    // run.
                    episodeStart = System.nanoTime();
                }
                InvocationMeter meter = new InvocationMeter(lesson.sink());
                Invocation outcome =
                        environment.invoke(
                                events.of(batch),
                                batchesDone == 0
                                        ? options.functionTimeoutMillis()
                                        : options.laterTimeoutMillis(),
                                lesson.sink().clockOffset());
                episodeInvocations++;
                int advance;
                JsonNode figures = null;
                String label;
                if (outcome instanceof Invocation.Answered answered) {
                    figures = answered.figures();
                    advance = advance(batch, answered.response());
                    label = advance == batch.size() ? "ok" : "handed back at " + advance;
                    if (firstBatch < 0) {
                        firstBatch = firstInit + figures.path("wallMs").asDouble();
                    }
                } else {
                    label = outcome instanceof Invocation.TimedOut ? "timed out" : "crashed";
                    environment = null;
                    advance = 0;
                }
                invocations.add(meter.record(position, batch.size(), label, cold, figures));
                position += advance;
                if (advance == batch.size()
                        || episodeInvocations >= options.maxInvocationsPerBatch()) {
                    if (advance < batch.size()) {
                        skipped++;
                        position += batch.size() - advance;
                    }
                    held.add((System.nanoTime() - episodeStart) / 1_000_000);
                    episodeStart = -1;
                    batchesDone++;
                    if (!restScheduled) {
                        producer.schedule(rest, rest.get(0).offsetMillis());
                        restScheduled = true;
                    }
                }
            }
        } finally {
            producer.close();
            if (environment != null) {
                environment.close();
            }
        }
        return new Report(
                invocations,
                held,
                position,
                skipped,
                deadlineHit,
                firstInit,
                firstBatch,
                environmentsStarted);
    }

    /**
     * How far the mapping moves: the whole batch when no failure is reported (or the answer is not
     * a batch response), up to the lowest reported record, or not at all when that record is not in
     * the batch.
     */
    static int advance(List<LoopbackStreams.Stored> batch, JsonNode response) {
        JsonNode failures = response.path("batchItemFailures");
        if (!failures.isArray() || failures.isEmpty()) {
            return batch.size();
        }
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                return 0;
            }
            BigInteger seq = new BigInteger(id);
            lowest = lowest == null || seq.compareTo(lowest) < 0 ? seq : lowest;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (new BigInteger(batch.get(i).sequenceNumber()).equals(lowest)) {
                return i;
            }
        }
        return 0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling the source", e);
        }
    }
}
