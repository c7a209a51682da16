package fanout.console.roster;

import java.util.List;
import java.util.Map;

/**
 * A roster file as read, before validation.
 *
 * @param columns 1-based position of each known column in the header
 */
public record ParsedRoster(
        Map<String, Integer> columns,
        List<RawRow> rows,
        List<RosterProblem> problems,
        List<String> warnings) {
    public ParsedRoster {
        columns = Map.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public int columnNumber(String column) {
        return columns.getOrDefault(column, 0);
    }
}
