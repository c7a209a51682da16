package fanout.forward;

import fanout.record.PreparedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** A Kinesis stream as a sink: one PutRecords call per batch, the partition key kept. */
public final class KinesisRecordSink implements RecordSink {
    /** PutRecords: 500 entries, 5 MiB per call, 1 MiB per entry (payload plus partition key). */
    public static final int MAX_ENTRIES_PER_CALL = 500;

    public static final long MAX_BYTES_PER_CALL = 5L * 1024 * 1024;
    public static final long MAX_BYTES_PER_ENTRY = 1024L * 1024;
    public static final BatchLimits LIMITS =
            new BatchLimits(MAX_ENTRIES_PER_CALL, MAX_BYTES_PER_CALL, MAX_BYTES_PER_ENTRY);

    /** Codes (as classified) of a call refused as a whole for what some entry holds. */
    static final Set<String> INVALID_CALL = Set.of("InvalidArgument", "Validation");

    private final PutRecordsCall call;
    private final String streamName;

    /** Through the SDK's client: the SDK marshals every call. */
    public KinesisRecordSink(KinesisClient client, String streamName) {
        this(new SdkPutRecords(client), streamName);
    }

    KinesisRecordSink(PutRecordsCall call, String streamName) {
        this.call = Objects.requireNonNull(call, "call is required");
        this.streamName = Objects.requireNonNull(streamName, "streamName is required");
    }

    @Override
    public BatchLimits limits() {
        return LIMITS;
    }

    @Override
    public long size(PreparedRecord entry) {
        return entry.data().length + entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public List<EntryOutcome> put(List<PreparedRecord> entries) {
        try {
            return call.put(streamName, entries);
        } catch (SdkException e) {
            SinkCallException failure = AwsFailures.classify(e);
            if (INVALID_CALL.contains(failure.code())) {
                return split(entries, failure);
            }
            throw failure;
        }
    }

    /**
     * A call refused as a whole for one bad entry: halves are sent apart until the bad entries are
     * alone, so the others still go out (log2(500) extra calls at most per bad entry).
     */
    private List<EntryOutcome> split(List<PreparedRecord> entries, SinkCallException failure) {
        if (entries.size() == 1) {
            return List.of(new EntryOutcome.Rejected(failure.code(), failure.getMessage()));
        }
        int half = entries.size() / 2;
        List<EntryOutcome> outcomes = new ArrayList<>(entries.size());
        outcomes.addAll(putAlone(entries.subList(0, half)));
        outcomes.addAll(putAlone(entries.subList(half, entries.size())));
        return outcomes;
    }

    /** Once the first half went out, a failure of the other must not undo it: per entry. */
    private List<EntryOutcome> putAlone(List<PreparedRecord> entries) {
        try {
            return put(entries);
        } catch (SinkCallException e) {
            EntryOutcome outcome =
                    e.permanent()
                            ? new EntryOutcome.Rejected(e.code(), e.getMessage())
                            : new EntryOutcome.Retryable(e.code(), e.getMessage(), e.throttled());
            return java.util.Collections.nCopies(entries.size(), outcome);
        }
    }
}
