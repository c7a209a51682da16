package fanout.forward;

import fanout.catchup.Done;
import fanout.record.SourceRecord;
import fanout.state.Cursor;
import fanout.state.ShardPosition;
import java.time.Instant;
import java.util.List;

/**
 * Where a destination's cursor goes after an invocation: nowhere when it is (or got) up to date,
 * else to the first record it still owes. Pure, so every case is a unit test.
 */
final class CursorMoves {
    private CursorMoves() {}

    /**
     * The shard's side of the move.
     *
     * @param batch the live batch, empty for a drain
     * @param live the last record delivered live (the batch's last, or the stored one for a drain)
     */
    record Shard(List<SourceRecord> batch, String live) {}

    /**
     * A destination that was not served this invocation (parked, its turn never came, the source
     * could not be read): behind from where it was, owing the live batch too.
     */
    static Cursor unserved(Cursor old, Shard shard) {
        List<SourceRecord> batch = shard.batch();
        if (old == null) {
            if (batch.isEmpty()) {
                return null;
            }
            SourceRecord first = batch.get(0);
            return new Cursor(
                    ShardPosition.at(first.sequenceNumber()),
                    batch.size(),
                    first.approximateArrival(),
                    0);
        }
        long owed = old.owed() == Cursor.UNKNOWN ? Cursor.UNKNOWN : old.owed() + batch.size();
        Instant since =
                old.since() != null || batch.isEmpty()
                        ? old.since()
                        : batch.get(0).approximateArrival();
        return old.withPosition(old.position(), owed, since);
    }

    /**
     * A destination that was given {@code list} and delivered all but {@code report}'s undelivered
     * records.
     *
     * @param old null for a destination that was live
     * @param reachesLive the list runs to the end of the live batch
     * @param shardEnded the list runs to the end of a closed shard
     */
    static Cursor served(
            Cursor old,
            List<SourceRecord> list,
            DestinationReport report,
            boolean reachesLive,
            boolean shardEnded,
            Shard shard) {
        int firstOwed = firstUndelivered(list, report);
        boolean complete = firstOwed == list.size();
        if (complete && (reachesLive || shardEnded || isLatest(old))) {
            return null;
        }
        ShardPosition position;
        Instant since;
        List<String> done = List.of();
        if (!complete) {
            SourceRecord next = list.get(firstOwed);
            position = ShardPosition.at(next.sequenceNumber());
            since = next.approximateArrival();
            done =
                    Done.after(
                            list,
                            firstOwed,
                            report.undelivered(),
                            old == null ? List.of() : old.done());
        } else if (!list.isEmpty()) {
            SourceRecord last = list.get(list.size() - 1);
            position = ShardPosition.after(last.sequenceNumber());
            since = last.approximateArrival();
        } else {
            position = old.position();
            since = old.since();
            done = old.done();
        }
        if (complete && shard.batch().isEmpty() && upTo(position, shard.live())) {
            return null; // a drain that reached what was delivered live
        }
        long stillOwed =
                list.stream()
                        .filter(r -> report.undelivered().contains(r.sequenceNumber()))
                        .count();
        long owed;
        if (reachesLive || shardEnded) {
            owed = stillOwed;
        } else {
            long before =
                    old == null
                            ? shard.batch().size()
                            : old.owed() == Cursor.UNKNOWN
                                    ? Cursor.UNKNOWN
                                    : old.owed() + shard.batch().size();
            long advanced = list.size() - stillOwed;
            owed = before == Cursor.UNKNOWN ? before : Math.max(stillOwed, before - advanced);
        }
        Cursor moved =
                old == null
                        ? new Cursor(position, owed, since, 0)
                        : old.withPosition(position, owed, since);
        return moved.withDone(done);
    }

    private static boolean isLatest(Cursor old) {
        return old != null && old.position().type() == ShardPosition.Type.LATEST;
    }

    private static boolean upTo(ShardPosition position, String live) {
        return live != null
                && position.type() == ShardPosition.Type.AFTER_SEQUENCE_NUMBER
                && SequenceNumbers.atOrBefore(live, position.sequenceNumber());
    }

    private static int firstUndelivered(List<SourceRecord> list, DestinationReport report) {
        for (int i = 0; i < list.size(); i++) {
            if (report.undelivered().contains(list.get(i).sequenceNumber())) {
                return i;
            }
        }
        return list.size();
    }
}
