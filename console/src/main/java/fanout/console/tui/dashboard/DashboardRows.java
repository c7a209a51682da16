package fanout.console.tui.dashboard;

import fanout.console.status.DestinationStatus;
import fanout.console.status.StuckOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pure functions from a snapshot to the rows on screen. */
public final class DashboardRows {
    private DashboardRows() {}

    /**
     * Worst first. Among equals, a destination keeps its place from the previous order, so a
     * refresh does not shuffle rows that did not change state.
     */
    public static List<DestinationStatus> order(
            List<DestinationStatus> destinations, List<String> previousOrder) {
        return order(destinations, previousOrder, false);
    }

    /**
     * Worst first, or with {@code stuckFirst} the students who have not been OK longest first,
     * grouped by helper ({@link StuckOrder}): the top row is the next desk to visit.
     */
    public static List<DestinationStatus> order(
            List<DestinationStatus> destinations, List<String> previousOrder, boolean stuckFirst) {
        if (stuckFirst) {
            return StuckOrder.sort(destinations);
        }
        Map<String, Integer> before = new HashMap<>();
        for (int i = 0; i < previousOrder.size(); i++) {
            before.put(previousOrder.get(i), i);
        }
        List<DestinationStatus> rows = new ArrayList<>(destinations);
        rows.sort(
                Comparator.<DestinationStatus>comparingInt(row -> row.state().severity())
                        .thenComparingInt(row -> before.getOrDefault(row.id(), Integer.MAX_VALUE))
                        .thenComparing(DestinationStatus::id));
        return rows;
    }

    /** The rows shown: filtered by the typed filter, and by faults only when asked. */
    public static List<DestinationStatus> visible(
            List<DestinationStatus> ordered, String filter, boolean faultsOnly) {
        var predicate = RowFilter.parse(filter);
        List<DestinationStatus> rows = new ArrayList<>();
        for (DestinationStatus row : ordered) {
            if ((!faultsOnly || row.state().fault()) && predicate.test(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Where the cursor goes after the rows changed: onto the same destination if it is still shown,
     * else the nearest row to where it was.
     */
    public static int follow(List<DestinationStatus> rows, String selectedId, int previousIndex) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(selectedId)) {
                return i;
            }
        }
        return rows.isEmpty() ? 0 : Math.max(0, Math.min(previousIndex, rows.size() - 1));
    }
}
