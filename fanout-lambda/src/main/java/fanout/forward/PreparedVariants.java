package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's source records prepared as sent and deaggregated, each variant made on first use and
 * shared by every destination given it, keyed by source sequence number.
 */
final class PreparedVariants {
    private final BatchPreparer preparer;
    private final List<SourceRecord> all;
    private Map<String, List<PreparedRecord>> asSent;
    private Map<String, List<PreparedRecord>> deaggregated;

    PreparedVariants(BatchPreparer preparer, List<SourceRecord> all) {
        this.preparer = preparer;
        this.all = all;
    }

    Map<String, List<PreparedRecord>> of(boolean deaggregate) {
        if (deaggregate) {
            if (deaggregated == null) {
                deaggregated = bySource(true);
            }
            return deaggregated;
        }
        if (asSent == null) {
            asSent = bySource(false);
        }
        return asSent;
    }

    private Map<String, List<PreparedRecord>> bySource(boolean deaggregate) {
        Map<String, List<PreparedRecord>> bySource = new HashMap<>();
        if (all.isEmpty()) {
            return bySource;
        }
        for (PreparedRecord p : preparer.prepare(all, deaggregate)) {
            bySource.computeIfAbsent(p.source().sequenceNumber(), k -> new ArrayList<>()).add(p);
        }
        return bySource;
    }
}
