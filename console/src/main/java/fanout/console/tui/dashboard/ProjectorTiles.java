package fanout.console.tui.dashboard;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the projector shows, as pure functions: the class's progress line and the tiles' order and
 * size for a screen. No names: the room sees ids and states only.
 */
final class ProjectorTiles {
    /** A tile with a border: id and state on two lines inside. */
    static final int TILE_WIDTH = 14;

    static final int TILE_HEIGHT = 4;

    private ProjectorTiles() {}

    /** "41/50 receiving": students that get data now, of the active ones. */
    static String progress(List<DestinationStatus> rows) {
        long active = rows.stream().filter(DestinationStatus::active).count();
        long receiving =
                rows.stream()
                        .filter(DestinationStatus::active)
                        .filter(
                                row ->
                                        row.state() == DestinationState.OK
                                                || row.state() == DestinationState.LAG)
                        .count();
        return receiving + "/" + active + " receiving";
    }

    /** Tiles in id order, so a student finds theirs at the same place every refresh. */
    static List<DestinationStatus> ordered(List<DestinationStatus> rows) {
        List<DestinationStatus> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(DestinationStatus::id));
        return sorted;
    }

    /** Whether every tile fits as a bordered box; otherwise the tiles are one line each. */
    static boolean boxed(int count, int width, int height) {
        int perRow = Math.max(1, width / TILE_WIDTH);
        int rows = (count + perRow - 1) / perRow;
        return rows * TILE_HEIGHT <= height;
    }
}
