package fanout.console.sandbox;

import java.util.Locale;

/** How a simulated student's account behaves: the roster's {@code sandbox} column. */
public enum StudentCondition {
    HEALTHY(""),
    MISSING_STREAM("missing-stream"),
    DENIED_ROLE("denied-role"),
    THROTTLED("throttled");

    private final String label;

    StudentCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The condition named by a roster cell; blank means healthy. */
    public static StudentCondition parse(String cell) {
        String value = cell == null ? "" : cell.trim().toLowerCase(Locale.ROOT);
        for (StudentCondition condition : values()) {
            if (condition.label.equals(value)) {
                return condition;
            }
        }
        throw new IllegalArgumentException(
                "sandbox '"
                        + cell
                        + "' is not one of: (blank), missing-stream, denied-role, throttled");
    }
}
