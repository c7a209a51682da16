package fanout.forward;

import java.util.List;

/** Splits the front of a queue into one call's worth of entries within the sink's limits. */
final class Chunks {
    private Chunks() {}

    /** How many entries from the front of {@code pending} fit in one call (at least one). */
    static int leadingChunk(List<DestinationDelivery.Entry> pending, RecordSink sink) {
        BatchLimits limits = sink.limits();
        long bytes = 0;
        int count = 0;
        for (DestinationDelivery.Entry entry : pending) {
            long size = sink.size(entry.record());
            if (count == limits.maxEntries()
                    || (count > 0 && bytes + size > limits.maxBatchBytes())) {
                break;
            }
            bytes += size;
            count++;
        }
        return Math.max(count, 1);
    }
}
