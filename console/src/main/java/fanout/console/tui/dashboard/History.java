package fanout.console.tui.dashboard;

import java.util.List;
import java.util.Objects;

/** One destination's last minutes, one value per minute, oldest first. */
public record History(
        String id,
        List<Long> delivered,
        List<Long> failed,
        List<Long> throttled,
        List<Long> lagMs) {
    /** The detail view shows the last half hour. */
    public static final int MINUTES = 30;

    public History {
        Objects.requireNonNull(id, "id is required");
        delivered = List.copyOf(delivered);
        failed = List.copyOf(failed);
        throttled = List.copyOf(throttled);
        lagMs = List.copyOf(lagMs);
    }

    public static History empty(String id) {
        return new History(id, List.of(), List.of(), List.of(), List.of());
    }
}
