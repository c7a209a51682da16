package fanout.catchup;

import fanout.record.SourceRecord;
import fanout.state.ShardPosition;
import java.util.List;

/**
 * Reads one shard of the source stream with the function's own credentials. The real one is {@link
 * KinesisSourceReader} (GetShardIterator, GetRecords); tests use an in-memory shard.
 */
public interface SourceReader {
    /** Every shard of the source still within its retention, open or closed (ListShards). */
    List<String> shards(String sourceArn);

    /**
     * Opens the shard at a position (one GetShardIterator).
     *
     * @return an iterator for {@link #read}
     * @throws SourceReadException when the shard cannot be read from there
     */
    String open(String sourceArn, String shardId, ShardPosition from);

    /**
     * One GetRecords call.
     *
     * @throws SourceReadException when the call failed
     */
    Page read(String sourceArn, String shardId, String iterator, int limit);

    /**
     * @param records in shard order, as the event source mapping would have delivered them
     * @param next the iterator to go on with; null when the shard is closed and read to its end
     */
    record Page(List<SourceRecord> records, String next) {
        public Page {
            records = List.copyOf(records);
        }
    }
}
