package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivers one batch to one destination: calls of at most the sink's limits, only the failed
 * entries retried with backoff while the deadline allows, and for ordered ({@code parallel=false})
 * destinations the later entries of a failed entry's partition key re-sent after it.
 */
final class DestinationDelivery {
    private final Destination destination;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Deadline deadline;
    private final DeliveryTally tally;

    /** Set for a trailing destination: no retries once the healthy ones are done. */
    private Trail trail;

    /** A pause is slept in steps this long at most, so a trail that ends cuts it short. */
    private static final Duration PAUSE_STEP = Duration.ofMillis(20);

    DestinationDelivery(
            Destination destination, RetryPolicy retry, Clock clock, Deadline deadline) {
        this.destination = destination;
        this.retry = retry;
        this.clock = clock;
        this.deadline = deadline;
        this.tally = new DeliveryTally(destination.targetId());
    }

    /**
     * Makes this a trailing destination's delivery: its first call is made, further calls and
     * pauses only until {@code trail} ends (null: a leading destination, bound by its deadline).
     */
    DestinationDelivery trailing(Trail trail) {
        this.trail = trail;
        return this;
    }

    DestinationReport deliver(Sinks sinks, List<PreparedRecord> records) {
        if (records.isEmpty()) {
            return tally.report(List.of());
        }
        RecordSink sink;
        try {
            sink = sinks.open(destination);
        } catch (RuntimeException e) {
            return failedToOpen(AwsFailures.classify(e), records);
        }
        List<Entry> pending = admissible(sink, records);
        pending = send(sink, pending);
        return tally.report(pending.stream().map(Entry::record).toList());
    }

    private DestinationReport failedToOpen(SinkCallException e, List<PreparedRecord> records) {
        if (Standings.leavesBehind(e.code())) {
            tally.retrying(0, new Problem(e.code(), e.getMessage()));
            return tally.report(records);
        }
        if (e.permanent()) {
            tally.failed(records.size(), new Problem(e.code(), e.getMessage()));
            return tally.report(List.of());
        }
        tally.retrying(0, new Problem(e.code(), e.getMessage()));
        return tally.report(records);
    }

    /** Entries that can be sent; the others are counted as rejected now. */
    private List<Entry> admissible(RecordSink sink, List<PreparedRecord> records) {
        List<Entry> entries = new ArrayList<>(records.size());
        long maxEntry = sink.limits().maxEntryBytes();
        for (PreparedRecord record : records) {
            if (!record.sendable()) {
                tally.rejected(new Problem("InvalidRecord", record.rejection()));
            } else if (sink.size(record) > maxEntry) {
                tally.rejected(
                        new Problem(
                                "TooLarge",
                                "record "
                                        + record.source().sequenceNumber()
                                        + " is too large: "
                                        + sink.size(record)
                                        + " bytes, at most "
                                        + maxEntry));
            } else {
                entries.add(new Entry(record, false));
            }
        }
        return entries;
    }

    /** Sends until everything is written or given up, or time runs out; answers what is left. */
    private List<Entry> send(RecordSink sink, List<Entry> pending) {
        int retries = 0;
        int retrying = 0;
        boolean partlyWritten = false;
        for (int round = 0; !pending.isEmpty() && round < retry.maxRounds(); round++) {
            // A trailing destination whose first call was partly written still gets one retry of
            // what it refused: a student throttled part of the time would otherwise leave holes
            // scattered over the batch, more than its cursor keeps, and catch-up would send the
            // written records again.
            boolean owedOneRetry = round == 1 && partlyWritten;
            if (deadline.passed()
                    || (round > 0 && trail != null && trail.passed() && !owedOneRetry)) {
                break;
            }
            int size = Chunks.leadingChunk(pending, sink);
            if (retrying > 0) {
                // Finish what failed before sending anything new: what is still owed when the
                // slice ends then stays a short run, not holes spread over every call.
                size = Math.min(size, retrying);
            }
            List<Entry> chunk = pending.subList(0, size);
            List<Entry> rest = new ArrayList<>(pending.subList(size, pending.size()));
            List<Entry> again;
            try {
                again = settle(chunk, sink.put(chunk.stream().map(Entry::record).toList()));
            } catch (SinkCallException e) {
                if (Standings.leavesBehind(e.code())) {
                    // The student may fix it: stay behind and catch up then, no retry now.
                    tally.retrying(0, new Problem(e.code(), e.getMessage()));
                    return pending;
                }
                if (e.permanent()) {
                    tally.failed(pending.size(), new Problem(e.code(), e.getMessage()));
                    return List.of();
                }
                if (e.later()) {
                    // Owed, not lost: retrying now cannot help, so the destination waits.
                    tally.retrying(0, new Problem(e.code(), e.getMessage()));
                    return pending;
                }
                again = new ArrayList<>(chunk);
                tally.retrying(
                        e.throttled() ? chunk.size() : 0, new Problem(e.code(), e.getMessage()));
            }
            boolean failures = !again.isEmpty();
            if (round == 0) {
                partlyWritten = failures && again.size() < chunk.size();
            }
            retrying = again.size();
            again.addAll(rest);
            pending = again;
            if (!failures) {
                retries = 0; // a clean call: the destination keeps up again
            } else if (!pause(retries++, round == 0 && partlyWritten)) {
                break;
            }
        }
        return pending;
    }

    /** Tallies one call's outcomes; answers the entries to send again, in order. */
    private List<Entry> settle(List<Entry> chunk, List<EntryOutcome> outcomes) {
        List<Entry> again = new ArrayList<>();
        Set<String> failedKeys = new HashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            Entry entry = chunk.get(i);
            EntryOutcome outcome = outcomes.get(i);
            String key = entry.record().partitionKey();
            if (outcome instanceof EntryOutcome.Retryable r) {
                again.add(entry);
                failedKeys.add(key);
                tally.retrying(r.throttled() ? 1 : 0, new Problem(r.code(), r.message()));
            } else if (outcome instanceof EntryOutcome.Rejected r) {
                tally.rejected(new Problem(r.code(), r.message()));
            } else {
                if (!entry.deliveredBefore()) {
                    tally.delivered(entry.record(), clock.instant());
                }
                if (!destination.parallel() && failedKeys.contains(key)) {
                    // Written after an earlier entry of its key failed: out of order, so it
                    // goes again after that entry.
                    tally.resent();
                    again.add(new Entry(entry.record(), true));
                }
            }
        }
        return again;
    }

    /**
     * Waits before a retry; a trailing destination's wait ends with the trail, except before the
     * one retry a partly written first call is owed ({@code owed}).
     */
    private boolean pause(int retryNumber, boolean owed) {
        Duration delay = retry.delay(retryNumber);
        if (!deadline.allows(delay)) {
            return false;
        }
        if (trail == null || owed) {
            return sleep(delay);
        }
        // The trail may end during the pause: slept in steps, so it is not waited out.
        for (Duration left = delay;
                !left.isNegative() && !left.isZero();
                left = left.minus(PAUSE_STEP)) {
            if (trail.passed() || !sleep(min(left, PAUSE_STEP))) {
                return false;
            }
        }
        return !trail.passed();
    }

    private boolean sleep(Duration delay) {
        try {
            retry.sleeper().sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** One entry to send; {@code deliveredBefore} when it is re-sent to keep its key's order. */
    record Entry(PreparedRecord record, boolean deliveredBefore) {}

    static Set<String> sequenceNumbers(List<PreparedRecord> records) {
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> out.add(r.source().sequenceNumber()));
        return out;
    }
}
