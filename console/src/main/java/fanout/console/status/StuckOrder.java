package fanout.console.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is stuck: students ranked by how long they have not been OK, grouped by helper, so the top
 * row is the next desk to visit. A helper's group goes where its longest-stuck student would; the
 * students who are fine follow, worst first.
 */
public final class StuckOrder {
    private static final String NO_HELPER = "";

    private StuckOrder() {}

    public static List<DestinationStatus> sort(List<DestinationStatus> rows) {
        Map<String, Instant> longestByHelper = new HashMap<>();
        for (DestinationStatus row : rows) {
            if (row.notOkSince() != null) {
                longestByHelper.merge(helper(row), row.notOkSince(), StuckOrder::earlier);
            }
        }
        List<DestinationStatus> sorted = new ArrayList<>(rows);
        Comparator<DestinationStatus> stuckFirst =
                Comparator.comparing((DestinationStatus row) -> row.notOkSince() == null);
        Comparator<DestinationStatus> byHelper =
                Comparator.comparing(
                        (DestinationStatus row) ->
                                row.notOkSince() == null
                                        ? Instant.MAX
                                        : longestByHelper.get(helper(row)));
        sorted.sort(
                stuckFirst
                        .thenComparing(byHelper)
                        .thenComparing(StuckOrder::helper)
                        .thenComparing(
                                row -> row.notOkSince() == null ? Instant.MAX : row.notOkSince())
                        .thenComparing(DestinationRows.WORST_FIRST));
        return sorted;
    }

    private static String helper(DestinationStatus row) {
        return row.helper() == null ? NO_HELPER : row.helper();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
