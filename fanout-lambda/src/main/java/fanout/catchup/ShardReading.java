package fanout.catchup;

import fanout.forward.SequenceNumbers;
import fanout.record.SourceRecord;
import fanout.state.ShardPosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One source reader for one shard and invocation, serving every behind destination: it reads from
 * the lowest position, gives each destination the records it owes from there, in shard order, and
 * stops where the live batch begins (that batch is already in memory). At most {@link #MAX_READS}
 * GetRecords per invocation, well below Kinesis's 5 reads per second per shard that it shares with
 * the event source mapping.
 */
public final class ShardReading {
    /** GetRecords calls per shard and invocation. */
    public static final int MAX_READS = 2;

    /** Records asked for per GetRecords (Kinesis allows up to 10,000). */
    public static final int RECORDS_PER_READ = 1000;

    private final SourceReader reader;
    private final int recordsPerRead;

    public ShardReading(SourceReader reader) {
        this(reader, RECORDS_PER_READ);
    }

    public ShardReading(SourceReader reader, int recordsPerRead) {
        this.reader = Objects.requireNonNull(reader, "reader is required");
        if (recordsPerRead < 1 || recordsPerRead > 10_000) {
            throw new IllegalArgumentException("recordsPerRead must be 1 to 10000");
        }
        this.recordsPerRead = recordsPerRead;
    }

    /**
     * @param lists per destination served, the records it owes in shard order (the live batch's
     *     included when the read reached it)
     * @param reachedLive destinations whose list runs up to the end of the live batch
     * @param atShardEnd destinations whose list runs to the end of a closed shard
     * @param expired destinations whose position fell out of the source's retention
     * @param failure why the source could not be read, if it could not
     */
    public record Result(
            Map<String, List<SourceRecord>> lists,
            Set<String> reachedLive,
            Set<String> atShardEnd,
            Map<String, SourceReadException> expired,
            Optional<SourceReadException> failure,
            int reads) {}

    /**
     * @param batch the live batch, empty for a drain
     * @param wanting positions of the behind destinations to serve, by target id
     */
    public Result read(
            String sourceArn,
            String shardId,
            List<SourceRecord> batch,
            Map<String, ShardPosition> wanting) {
        Run run = new Run(sourceArn, shardId, batch, wanting);
        run.go();
        return new Result(
                run.lists,
                run.reachedLive,
                run.atShardEnd,
                run.expired,
                Optional.ofNullable(run.failure),
                run.reads);
    }

    private final class Run {
        final String sourceArn;
        final String shardId;
        final List<SourceRecord> batch;
        final List<Map.Entry<String, ShardPosition>> pending;
        final Map<String, List<SourceRecord>> lists = new LinkedHashMap<>();
        final Set<String> reachedLive = new HashSet<>();
        final Set<String> atShardEnd = new HashSet<>();
        final Map<String, SourceReadException> expired = new LinkedHashMap<>();
        SourceReadException failure;
        int reads;

        Run(
                String sourceArn,
                String shardId,
                List<SourceRecord> batch,
                Map<String, ShardPosition> wanting) {
            this.sourceArn = sourceArn;
            this.shardId = shardId;
            this.batch = batch;
            this.pending = new ArrayList<>(wanting.entrySet());
            pending.sort(Map.Entry.comparingByValue(Positions.EARLIEST_FIRST));
        }

        void go() {
            while (reads < MAX_READS && failure == null) {
                Optional<Map.Entry<String, ShardPosition>> lowest = nextUnserved();
                if (lowest.isEmpty()) {
                    return;
                }
                segment(lowest.get());
            }
        }

        Optional<Map.Entry<String, ShardPosition>> nextUnserved() {
            return pending.stream()
                    .filter(e -> !lists.containsKey(e.getKey()))
                    .filter(e -> !expired.containsKey(e.getKey()))
                    .findFirst();
        }

        /** Reads from one start; goes on with more pages only when nobody else waits. */
        void segment(Map.Entry<String, ShardPosition> start) {
            String iterator;
            try {
                iterator = reader.open(sourceArn, shardId, start.getValue());
            } catch (SourceReadException e) {
                fail(start, e);
                return;
            }
            List<SourceRecord> records = new ArrayList<>();
            Set<String> served = new HashSet<>();
            while (iterator != null && reads < MAX_READS) {
                SourceReader.Page page;
                try {
                    page = reader.read(sourceArn, shardId, iterator, recordsPerRead);
                    reads++;
                } catch (SourceReadException e) {
                    reads++;
                    fail(start, e);
                    return;
                }
                boolean reached = keepBeforeBatch(page.records(), records);
                iterator = page.next();
                boolean ended = iterator == null && !reached;
                serve(start, records, reached, ended, served);
                if (reached || ended || page.records().isEmpty() || nextUnserved().isPresent()) {
                    return;
                }
            }
        }

        /** Adds the page's records before the live batch; answers whether it reached the batch. */
        boolean keepBeforeBatch(List<SourceRecord> page, List<SourceRecord> into) {
            if (batch.isEmpty()) {
                into.addAll(page);
                return false;
            }
            String first = batch.get(0).sequenceNumber();
            for (SourceRecord record : page) {
                if (SequenceNumbers.ORDER.compare(record.sequenceNumber(), first) >= 0) {
                    return true;
                }
                into.add(record);
            }
            return false;
        }

        void serve(
                Map.Entry<String, ShardPosition> start,
                List<SourceRecord> records,
                boolean reached,
                boolean ended,
                Set<String> served) {
            for (Map.Entry<String, ShardPosition> e : pending) {
                String id = e.getKey();
                boolean mine = served.contains(id);
                if (!mine && (lists.containsKey(id) || expired.containsKey(id))) {
                    continue;
                }
                if (!mine && !covers(start.getValue(), records, e.getValue())) {
                    continue;
                }
                served.add(id);
                List<SourceRecord> owed = new ArrayList<>();
                records.stream().filter(r -> Positions.owes(e.getValue(), r)).forEach(owed::add);
                if (reached) {
                    batch.stream().filter(r -> Positions.owes(e.getValue(), r)).forEach(owed::add);
                    reachedLive.add(id);
                }
                if (ended) {
                    atShardEnd.add(id);
                }
                lists.put(id, owed);
            }
        }

        void fail(Map.Entry<String, ShardPosition> start, SourceReadException e) {
            if (e.expired()) {
                expired.put(start.getKey(), e);
            } else {
                failure = e;
            }
        }
    }

    /** Whether records read from {@code start} hold everything a destination at {@code p} owes. */
    static boolean covers(ShardPosition start, List<SourceRecord> records, ShardPosition p) {
        if (start.equals(p)) {
            return true;
        }
        if (p.sequenceNumber() != null && !records.isEmpty()) {
            String first = records.get(0).sequenceNumber();
            String last = records.get(records.size() - 1).sequenceNumber();
            return SequenceNumbers.ORDER.compare(p.sequenceNumber(), first) >= 0
                    && SequenceNumbers.ORDER.compare(p.sequenceNumber(), last) <= 0;
        }
        if (p.type() == ShardPosition.Type.AT_TIMESTAMP) {
            return start.type() == ShardPosition.Type.TRIM_HORIZON
                    || (start.type() == ShardPosition.Type.AT_TIMESTAMP
                            && !start.timestamp().isAfter(p.timestamp()));
        }
        return false;
    }
}
