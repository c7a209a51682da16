package fanout.forward;

import fanout.catchup.Positions;
import fanout.catchup.SourceReadException;
import fanout.catchup.SourceReader;
import fanout.record.SourceRecord;
import fanout.state.ShardPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source stream's one shard in memory, read like Kinesis: an iterator is the index of the next
 * record; the shard can be closed (no next iterator at its end) or its early records trimmed.
 */
final class FakeSource implements SourceReader {
    final List<SourceRecord> records = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    final List<ShardPosition> opened = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    volatile int trimmed;

    /** Runs at every read, before it answers: a source that is slow to read. */
    volatile Runnable onRead = () -> {};

    /** The records of a batch were written to the source before Lambda delivered them. */
    void append(List<SourceRecord> batch) {
        for (SourceRecord r : batch) {
            if (records.stream().noneMatch(x -> x.sequenceNumber().equals(r.sequenceNumber()))) {
                records.add(r);
            }
        }
    }

    @Override
    public List<String> shards(String sourceArn) {
        return List.of(Records.SHARD);
    }

    @Override
    public String open(String sourceArn, String shardId, ShardPosition from) {
        opened.add(from);
        int index = 0;
        if (from.type() == ShardPosition.Type.LATEST) {
            index = records.size();
        } else if (from.type() != ShardPosition.Type.TRIM_HORIZON) {
            while (index < records.size() && !Positions.owes(from, records.get(index))) {
                index++;
            }
        }
        boolean fromOldest =
                from.type() == ShardPosition.Type.AT_TIMESTAMP
                        || from.type() == ShardPosition.Type.TRIM_HORIZON;
        if (index < trimmed && !fromOldest) {
            throw new SourceReadException(
                    "TrimmedDataAccessException", "the data has been trimmed", true, null);
        }
        return Integer.toString(Math.max(index, trimmed));
    }

    @Override
    public Page read(String sourceArn, String shardId, String iterator, int limit) {
        reads.incrementAndGet();
        onRead.run();
        int from = Integer.parseInt(iterator);
        int to = Math.min(records.size(), from + limit);
        List<SourceRecord> page = new ArrayList<>(records.subList(from, to));
        String next = closed && to == records.size() ? null : Integer.toString(to);
        return new Page(page, next);
    }
}
