package fanout.forward;

import fanout.record.PreparedRecord;
import java.util.List;

/** One destination that accepts batches of prepared records. */
public interface RecordSink {
    BatchLimits limits();

    /**
     * Writes the entries in order, answering one outcome per entry in the same order.
     *
     * @throws SinkCallException when the call as a whole failed
     */
    List<EntryOutcome> put(List<PreparedRecord> entries);

    /** Bytes an entry counts against {@link #limits()}. */
    long size(PreparedRecord entry);
}
