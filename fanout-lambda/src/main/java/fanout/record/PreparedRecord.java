package fanout.record;

/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
public record PreparedRecord(
        SourceRecord source,
        int subSequence,
        String partitionKey,
        String explicitHashKey,
        byte[] data,
        String rejection) {
    public boolean sendable() {
        return rejection == null;
    }
}
