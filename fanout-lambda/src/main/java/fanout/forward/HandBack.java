package fanout.forward;

import fanout.record.SourceRecord;
import fanout.state.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, once every destination of a shard's batch has reported, whether the batch goes back to
 * Lambda (the lowest record some destination still owes) and which checkpoints let the retry skip
 * what each destination already has.
 *
 * <p>Checkpoints are written only on hand-back. When a batch completes for every destination, the
 * shard's existing checkpoints are deleted, so the table holds only what a pending retry needs.
 */
final class HandBack {
    private HandBack() {}

    /**
     * @param handBack the sequence number to report as the batch item failure, if any
     * @param reports the destinations' reports, with given-up records counted as failed
     */
    record Plan(
            Optional<String> handBack,
            List<DestinationReport> reports,
            List<Checkpoint> writes,
            List<Checkpoint> deletions) {}

    static Plan plan(
            String sourceArn,
            String shardId,
            List<SourceRecord> records,
            List<DestinationReport> reports,
            Map<String, Checkpoint> previous,
            int maxBatchRetries) {
        List<DestinationReport> settled = new ArrayList<>(reports.size());
        String lowest = null;
        for (DestinationReport report : reports) {
            Checkpoint before = previous.get(report.targetId());
            int attempts = before == null ? 0 : before.attempts();
            if (!report.complete() && attempts >= maxBatchRetries) {
                report = report.givenUp(attempts);
            }
            settled.add(report);
            String first = firstOwed(records, report);
            if (first != null
                    && (lowest == null || SequenceNumbers.ORDER.compare(first, lowest) < 0)) {
                lowest = first;
            }
        }
        if (lowest == null) {
            return new Plan(Optional.empty(), settled, List.of(), List.copyOf(previous.values()));
        }
        List<Checkpoint> writes = new ArrayList<>(settled.size());
        for (DestinationReport report : settled) {
            writes.add(checkpoint(sourceArn, shardId, records, report, previous));
        }
        return new Plan(Optional.of(lowest), settled, writes, List.of());
    }

    /** The first record of the batch, in shard order, that this destination still owes. */
    private static String firstOwed(List<SourceRecord> records, DestinationReport report) {
        for (SourceRecord record : records) {
            if (report.undelivered().contains(record.sequenceNumber())) {
                return record.sequenceNumber();
            }
        }
        return null;
    }

    /** The end of the destination's delivered prefix; attempts count hand-backs while behind. */
    private static Checkpoint checkpoint(
            String sourceArn,
            String shardId,
            List<SourceRecord> records,
            DestinationReport report,
            Map<String, Checkpoint> previous) {
        Checkpoint before = previous.get(report.targetId());
        String prefixEnd = before == null ? null : before.sequenceNumber();
        for (SourceRecord record : records) {
            if (report.undelivered().contains(record.sequenceNumber())) {
                break;
            }
            if (prefixEnd == null
                    || SequenceNumbers.ORDER.compare(record.sequenceNumber(), prefixEnd) > 0) {
                prefixEnd = record.sequenceNumber();
            }
        }
        int attempts = report.complete() ? 0 : (before == null ? 0 : before.attempts()) + 1;
        return new Checkpoint(sourceArn, shardId, report.targetId(), prefixEnd, attempts);
    }
}
