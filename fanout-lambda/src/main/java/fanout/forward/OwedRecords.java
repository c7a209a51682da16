package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One shard's source records prepared for one invocation, once per record and variant (as sent,
 * deaggregated) however many destinations and groups of destinations are given them: the live batch
 * for the live destinations, then what the source read added for those catching up.
 */
final class OwedRecords {
    private final BatchPreparer preparer;
    private final List<PreparedVariants> groups = new ArrayList<>();
    private final Set<String> prepared = new HashSet<>();
    private final Map<Boolean, Map<List<SourceRecord>, List<PreparedRecord>>> byList =
            new HashMap<>();

    OwedRecords(BatchPreparer preparer) {
        this.preparer = preparer;
    }

    /**
     * @param lists per target id, the source records it is owed, in shard order
     * @return per served destination, the prepared records it is owed, in order
     */
    Map<String, List<PreparedRecord>> of(
            List<Destination> served, Map<String, List<SourceRecord>> lists) {
        // Most destinations share one list (the batch): each distinct list is walked once, and
        // its records prepared once per variant, instead of once per destination.
        Map<List<SourceRecord>, Boolean> distinct = new IdentityHashMap<>();
        served.forEach(d -> distinct.put(lists.get(d.targetId()), Boolean.TRUE));
        Map<String, SourceRecord> fresh = new TreeMap<>(SequenceNumbers.ORDER);
        for (List<SourceRecord> list : distinct.keySet()) {
            for (SourceRecord r : list) {
                if (!prepared.contains(r.sequenceNumber())) {
                    fresh.putIfAbsent(r.sequenceNumber(), r);
                }
            }
        }
        if (!fresh.isEmpty()) {
            groups.add(new PreparedVariants(preparer, new ArrayList<>(fresh.values())));
            prepared.addAll(fresh.keySet());
        }
        Map<String, List<PreparedRecord>> out = new HashMap<>();
        for (Destination d : served) {
            List<PreparedRecord> owed =
                    byList.computeIfAbsent(d.deaggregate(), v -> new IdentityHashMap<>())
                            .computeIfAbsent(
                                    lists.get(d.targetId()), list -> owed(list, d.deaggregate()));
            out.put(d.targetId(), owed);
        }
        return out;
    }

    private List<PreparedRecord> owed(List<SourceRecord> list, boolean deaggregate) {
        List<Map<String, List<PreparedRecord>>> bySource = new ArrayList<>(groups.size());
        groups.forEach(g -> bySource.add(g.of(deaggregate)));
        List<PreparedRecord> owed = new ArrayList<>(list.size());
        for (SourceRecord r : list) {
            for (Map<String, List<PreparedRecord>> group : bySource) {
                List<PreparedRecord> records = group.get(r.sequenceNumber());
                if (records != null) {
                    owed.addAll(records);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(owed);
    }
}
