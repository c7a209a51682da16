package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import java.util.List;

/**
 * Decodes and transforms a batch once per variant (deaggregated or not), for every destination to
 * share; the real one is {@code new RecordPreparer(transform)::prepare}.
 */
@FunctionalInterface
public interface BatchPreparer {
    List<PreparedRecord> prepare(List<SourceRecord> records, boolean deaggregate);
}
