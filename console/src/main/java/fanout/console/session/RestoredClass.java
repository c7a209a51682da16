package fanout.console.session;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class as the session log last saw it: one row per student in their last logged state, so a
 * console opened the next day shows the class before its first refresh. Pure.
 */
public final class RestoredClass {
    private RestoredClass() {}

    /** The rows, and when the log last saw the class (null when the log is empty). */
    public record Restored(List<DestinationStatus> rows, Instant lastSeen) {
        public Restored {
            rows = List.copyOf(rows);
        }
    }

    public static Restored from(List<LogEntry> entries) {
        Map<String, LogEntry> last = new LinkedHashMap<>();
        Map<String, Instant> notOkSince = new LinkedHashMap<>();
        Instant lastSeen = null;
        for (LogEntry entry : entries) {
            lastSeen = lastSeen == null || entry.at().isAfter(lastSeen) ? entry.at() : lastSeen;
            if (LogEntry.STATE.equals(entry.type()) && entry.id() != null) {
                LogEntry before = last.get(entry.id());
                last.put(entry.id(), merged(before, entry));
                boolean notOk = ResultsFold.NOT_OK.contains(entry.state());
                if (!notOk) {
                    notOkSince.remove(entry.id());
                } else {
                    notOkSince.putIfAbsent(entry.id(), entry.at());
                }
            }
        }
        List<DestinationStatus> rows = new ArrayList<>();
        for (LogEntry entry : last.values()) {
            DestinationState state = state(entry.state());
            rows.add(
                    DestinationStatus.builder(entry.id(), state)
                            .name(entry.name())
                            .helper(entry.helper())
                            .active(state != DestinationState.INACTIVE)
                            .reason("as last seen at " + entry.at() + " (session log): refreshing")
                            .fix("")
                            .notOkSince(notOkSince.get(entry.id()))
                            .build());
        }
        return new Restored(rows, lastSeen);
    }

    private static LogEntry merged(LogEntry before, LogEntry entry) {
        if (before == null || (entry.name() != null && entry.helper() != null)) {
            return entry;
        }
        return LogEntry.state(
                entry.at(),
                entry.id(),
                entry.name() != null ? entry.name() : before.name(),
                entry.helper() != null ? entry.helper() : before.helper(),
                entry.from(),
                entry.state(),
                entry.reason());
    }

    private static DestinationState state(String name) {
        try {
            return DestinationState.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A state a newer console logged: show it as the most neutral one.
            return DestinationState.IDLE;
        }
    }
}
