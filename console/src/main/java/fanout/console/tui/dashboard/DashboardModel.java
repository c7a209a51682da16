package fanout.console.tui.dashboard;

import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's state between renders: the last snapshot, its order, the filter, the marks and
 * the selection, which follows a destination by id rather than a row number.
 */
final class DashboardModel {
    private StatusSnapshot snapshot;
    private List<DestinationStatus> ordered = List.of();
    private List<DestinationStatus> visible = List.of();
    private String filter = "";
    private boolean faultsOnly;
    private boolean stuckFirst;
    private String selectedId;
    private int index;
    private final Set<String> marked = new LinkedHashSet<>();

    void apply(StatusSnapshot next) {
        List<String> before = new ArrayList<>();
        ordered.forEach(row -> before.add(row.id()));
        snapshot = next;
        ordered = DashboardRows.order(next.destinations(), before, stuckFirst);
        Set<String> present = new LinkedHashSet<>();
        ordered.forEach(row -> present.add(row.id()));
        marked.retainAll(present);
        refilter();
    }

    private void refilter() {
        visible = DashboardRows.visible(ordered, filter, faultsOnly);
        index = DashboardRows.follow(visible, selectedId, index);
        selectedId = visible.isEmpty() ? selectedId : visible.get(index).id();
    }

    Optional<StatusSnapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    List<DestinationStatus> visible() {
        return visible;
    }

    int index() {
        return index;
    }

    int total() {
        return ordered.size();
    }

    int windowSeconds() {
        return snapshot == null ? 300 : snapshot.windowSeconds();
    }

    Optional<DestinationStatus> selected() {
        return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(index));
    }

    void move(int by) {
        if (visible.isEmpty()) {
            return;
        }
        index = Math.max(0, Math.min(visible.size() - 1, index + by));
        selectedId = visible.get(index).id();
    }

    void toggleMark() {
        selected()
                .ifPresent(
                        row -> {
                            if (!marked.remove(row.id())) {
                                marked.add(row.id());
                            }
                            move(1);
                        });
    }

    Set<String> marked() {
        return marked;
    }

    void clearMarks() {
        marked.clear();
    }

    /** The marked destinations, or the selected one when none is marked. */
    List<String> targets() {
        if (!marked.isEmpty()) {
            return List.copyOf(marked);
        }
        return selected().map(row -> List.of(row.id())).orElse(List.of());
    }

    /** Who is stuck: longest not OK first, grouped by helper; or worst first again. */
    void toggleStuck() {
        stuckFirst = !stuckFirst;
        List<String> before = new ArrayList<>();
        ordered.forEach(row -> before.add(row.id()));
        if (snapshot != null) {
            ordered = DashboardRows.order(snapshot.destinations(), before, stuckFirst);
        }
        refilter();
    }

    boolean stuckFirst() {
        return stuckFirst;
    }

    void toggleFaults() {
        faultsOnly = !faultsOnly;
        refilter();
    }

    boolean faultsOnly() {
        return faultsOnly;
    }

    String filter() {
        return filter;
    }

    void filter(String text) {
        filter = text == null ? "" : text;
        refilter();
    }
}
