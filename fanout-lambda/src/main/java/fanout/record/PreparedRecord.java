package fanout.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user record ready for every destination: decoded, deaggregated if asked, transformed once.
 * Either {@code data} (sendable) or {@code rejection} (counted as Rejected, never sent) is set.
 *
 * @param subSequence the user record's index inside a KPL aggregate; 0 for a plain record
 * @param partitionKey the user record's own key (the aggregate's key table for KPL records)
 * @param explicitHashKey null unless the KPL user record carried one
 * @param data the transformed payload, null when rejected; not copied, treat as read-only
 * @param rejection why the record can never be sent, null when ok
 */
public record PreparedRecord(
        SourceRecord source,
        int subSequence,
        String partitionKey,
        String explicitHashKey,
        byte[] data,
        String rejection) {

    public PreparedRecord {
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(partitionKey, "partitionKey is required");
        if (subSequence < 0) {
            throw new IllegalArgumentException("subSequence must be >= 0, was " + subSequence);
        }
        if ((data == null) == (rejection == null)) {
            throw new IllegalArgumentException("exactly one of data and rejection must be set");
        }
    }

    public static PreparedRecord sendable(
            SourceRecord source,
            int subSequence,
            String partitionKey,
            String explicitHashKey,
            byte[] data) {
        return new PreparedRecord(source, subSequence, partitionKey, explicitHashKey, data, null);
    }

    public static PreparedRecord rejected(
            SourceRecord source,
            int subSequence,
            String partitionKey,
            String explicitHashKey,
            String rejection) {
        return new PreparedRecord(
                source, subSequence, partitionKey, explicitHashKey, null, rejection);
    }

    public boolean sendable() {
        return rejection == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreparedRecord that
                && source.equals(that.source)
                && subSequence == that.subSequence
                && partitionKey.equals(that.partitionKey)
                && Objects.equals(explicitHashKey, that.explicitHashKey)
                && Arrays.equals(data, that.data)
                && Objects.equals(rejection, that.rejection);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, subSequence, partitionKey, explicitHashKey, rejection) * 31
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PreparedRecord[eventId="
                + source.eventId()
                + ", subSequence="
                + subSequence
                + ", partitionKey="
                + partitionKey
                + (explicitHashKey == null ? "" : ", explicitHashKey=" + explicitHashKey)
                + (data == null ? ", rejection=" + rejection : ", data=" + data.length + " bytes")
                + "]";
    }
}
