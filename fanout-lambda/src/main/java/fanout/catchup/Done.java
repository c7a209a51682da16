package fanout.catchup;

import fanout.forward.SequenceNumbers;
import fanout.record.SourceRecord;
import fanout.state.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ranges of records past a cursor that were delivered already ({@link Cursor#done()}). */
public final class Done {
    private Done() {}

    /** Whether the destination at this cursor already has {@code record}. */
    public static boolean has(Cursor cursor, SourceRecord record) {
        List<String> done = cursor.done();
        String seq = record.sequenceNumber();
        for (int i = 0; i < done.size(); i += 2) {
            if (SequenceNumbers.ORDER.compare(seq, done.get(i)) >= 0
                    && SequenceNumbers.ORDER.compare(seq, done.get(i + 1)) <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ranges after {@code list[from]}: runs of records not in {@code undelivered}, then the old
     * ranges still ahead of the new position, at most {@link Cursor#MAX_DONE_RANGES}.
     */
    public static List<String> after(
            List<SourceRecord> list, int from, Set<String> undelivered, List<String> old) {
        List<String> ranges = new ArrayList<>();
        String start = null;
        String end = null;
        for (int i = from; i < list.size(); i++) {
            String seq = list.get(i).sequenceNumber();
            if (undelivered.contains(seq)) {
                if (start != null) {
                    add(ranges, start, end);
                    start = null;
                }
            } else {
                start = start == null ? seq : start;
                end = seq;
            }
        }
        if (start != null) {
            add(ranges, start, end);
        }
        if (from < list.size()) {
            String position = list.get(from).sequenceNumber();
            for (int i = 0; i < old.size(); i += 2) {
                if (SequenceNumbers.ORDER.compare(old.get(i + 1), position) > 0) {
                    add(ranges, old.get(i), old.get(i + 1));
                }
            }
        }
        return ranges;
    }

    private static void add(List<String> ranges, String from, String to) {
        if (ranges.size() < 2 * Cursor.MAX_DONE_RANGES) {
            ranges.add(from);
            ranges.add(to);
        }
    }
}
