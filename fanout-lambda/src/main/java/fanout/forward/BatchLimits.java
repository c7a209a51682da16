package fanout.forward;

/**
 * Service limits of one batch call of a sink.
 *
 * @param maxEntries entries per call
 * @param maxBatchBytes payload and partition keys of all entries of one call
 * @param maxEntryBytes payload and partition key of one entry; larger entries are rejected
 */
public record BatchLimits(int maxEntries, long maxBatchBytes, long maxEntryBytes) {
    public BatchLimits {
        if (maxEntries < 1 || maxBatchBytes < 1 || maxEntryBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
        if (maxEntryBytes > maxBatchBytes) {
            throw new IllegalArgumentException("an entry cannot be larger than a batch");
        }
    }
}
