package fanout.console.roster;

import java.util.Objects;

/**
 * Something wrong in the roster, where it is and how to fix it.
 *
 * @param line 1-based line of the file
 * @param column the column's name, or null when the whole line (or file) is at fault
 * @param columnNumber 1-based position of that column, 0 when unknown
 */
public record RosterProblem(
        int line, String column, int columnNumber, String message, String hint) {
    public RosterProblem {
        Objects.requireNonNull(message, "message is required");
        hint = hint == null ? "" : hint;
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    public static RosterProblem line(int line, String message, String hint) {
        return new RosterProblem(line, null, 0, message, hint);
    }

    /** "line 4, column 2 (account): ... — fix: ...". */
    public String describe() {
        StringBuilder text = new StringBuilder("line ").append(line);
        if (column != null) {
            text.append(", column ");
            if (columnNumber > 0) {
                text.append(columnNumber).append(" (").append(column).append(')');
            } else {
                text.append(column);
            }
        }
        text.append(": ").append(message);
        if (!hint.isEmpty()) {
            text.append("\n  fix: ").append(hint);
        }
        return text.toString();
    }
}
