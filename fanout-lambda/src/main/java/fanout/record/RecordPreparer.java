package fanout.record;

import java.util.List;

/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
public final class RecordPreparer {
    private final RecordTransform transform;

    public RecordPreparer(RecordTransform transform) {
        this.transform = transform;
    }

    public List<PreparedRecord> prepare(List<SourceRecord> records, boolean deaggregate) {
        return records.stream()
                .map(
                        r ->
                                new PreparedRecord(
                                        r,
                                        0,
                                        r.partitionKey(),
                                        null,
                                        transform.apply(r, r.data()),
                                        null))
                .toList();
    }
}
