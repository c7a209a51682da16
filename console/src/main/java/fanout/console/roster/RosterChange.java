package fanout.console.roster;

import fanout.mapping.Mapping;
import java.util.List;

/**
 * One line of the diff between the roster and the table.
 *
 * @param line the roster line, 0 for a removed mapping (not in the roster)
 * @param wanted the mapping the roster asks for; null when removed
 * @param existing the row in the table; null when new
 * @param differences "role: a -> b" for changed rows
 */
public record RosterChange(
        Kind kind,
        String id,
        int line,
        Mapping wanted,
        Mapping existing,
        List<String> differences) {

    /** What applying the roster does to this id. */
    public enum Kind {
        NEW,
        CHANGED,
        UNCHANGED,
        REMOVED
    }

    public RosterChange {
        differences = List.copyOf(differences);
    }
}
