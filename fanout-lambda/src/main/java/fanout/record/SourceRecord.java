package fanout.record;

import fanout.check.Required;
import fanout.metrics.MetricNames;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of a source stream batch, as Lambda delivered it.
 *
 * <p>{@code data} is not copied: records are built once per batch and read by every destination, so
 * copying would cost the hot path; treat the array as read-only.
 *
 * @param eventId Lambda's {@code eventID}, {@code shardId-...:sequenceNumber}
 * @param data the decoded (not base64) record payload, possibly a KPL aggregate
 */
public record SourceRecord(
        String eventSourceArn,
        String eventId,
        String shardId,
        String sequenceNumber,
        String partitionKey,
        byte[] data,
        Instant approximateArrival) {

    public SourceRecord {
        Required.all(
                "eventSourceArn, eventId, shardId, sequenceNumber, partitionKey, data, approximateArrival",
                eventSourceArn,
                eventId,
                shardId,
                sequenceNumber,
                partitionKey,
                data,
                approximateArrival);
    }

    /** The stream name of {@link #eventSourceArn} ({@code ...:stream/NAME}), as metrics name it. */
    public String sourceStream() {
        return MetricNames.sourceStreamOf(eventSourceArn);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceRecord that
                && eventSourceArn.equals(that.eventSourceArn)
                && eventId.equals(that.eventId)
                && shardId.equals(that.shardId)
                && sequenceNumber.equals(that.sequenceNumber)
                && partitionKey.equals(that.partitionKey)
                && Arrays.equals(data, that.data)
                && approximateArrival.equals(that.approximateArrival);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                                eventSourceArn,
                                eventId,
                                shardId,
                                sequenceNumber,
                                partitionKey,
                                approximateArrival)
                        * 31
                + Arrays.hashCode(data);
    }

    /** Shows the payload's size, never its bytes (they can be large and binary). */
    @Override
    public String toString() {
        return "SourceRecord[eventId="
                + eventId
                + ", partitionKey="
                + partitionKey
                + ", data="
                + data.length
                + " bytes, approximateArrival="
                + approximateArrival
                + ", eventSourceArn="
                + eventSourceArn
                + "]";
    }
}
