package fanout.console.tui.dashboard;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The dashboard's {@code /} filter: words separated by spaces, all must match. {@code state:err} (a
 * state's prefix), {@code id:ab}, {@code name:ada}, {@code helper:sam}, {@code error:denied} match
 * one column; a bare word matches id, name or last error. Case does not matter.
 */
public final class RowFilter {
    public static final String SYNTAX = "(state:err name:ada id:ab error:denied)";

    private RowFilter() {}

    public static Predicate<DestinationStatus> parse(String text) {
        List<Predicate<DestinationStatus>> parts = new ArrayList<>();
        for (String word : text.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                parts.add(term(word));
            }
        }
        return row -> parts.stream().allMatch(part -> part.test(row));
    }

    private static Predicate<DestinationStatus> term(String word) {
        int colon = word.indexOf(':');
        if (colon > 0) {
            String column = word.substring(0, colon);
            String value = word.substring(colon + 1);
            switch (column) {
                case "state":
                case "s":
                    return row -> stateMatches(row.state(), value);
                case "id":
                    return row -> contains(row.id(), value);
                case "name":
                case "n":
                    return row -> contains(row.name(), value);
                case "helper":
                    return row -> contains(row.helper(), value);
                case "error":
                case "err":
                    return row ->
                            contains(row.lastError(), value)
                                    || contains(row.lastErrorCode(), value);
                default:
                    break;
            }
        }
        return row ->
                contains(row.id(), word)
                        || contains(row.name(), word)
                        || contains(row.lastError(), word);
    }

    private static boolean stateMatches(DestinationState state, String value) {
        return !value.isEmpty() && state.name().toLowerCase(Locale.ROOT).startsWith(value);
    }

    private static boolean contains(String field, String value) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(value);
    }
}
