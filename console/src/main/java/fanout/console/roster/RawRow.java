package fanout.console.roster;

import java.util.Map;
import java.util.Optional;

/**
 * One data line of the roster as read: trimmed, non-empty values by (lower-case) column name.
 *
 * @param values the known columns
 * @param extras the other columns (e.g. {@code sandbox}), kept for whoever reads them
 */
public record RawRow(int line, Map<String, String> values, Map<String, String> extras) {
    public RawRow {
        values = Map.copyOf(values);
        extras = Map.copyOf(extras);
    }

    public Optional<String> get(String column) {
        return Optional.ofNullable(values.get(column));
    }
}
