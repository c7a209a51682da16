package fanout.record;

import java.time.Instant;

/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
public record SourceRecord(
        String eventSourceArn,
        String eventId,
        String shardId,
        String sequenceNumber,
        String partitionKey,
        byte[] data,
        Instant approximateArrival) {}
