package fanout.console.status;

import fanout.check.Required;
import java.util.List;

/**
 * A cause shared by most of the class, diagnosed once for the class instead of once per student
 * (the banner of the dashboard, {@code classDiagnosis} of {@code status}).
 *
 * @param kind {@link #FUNCTION} (the function or the source: the whole class lags alike) or {@link
 *     #SHARED_ERROR} (most students fail the same way)
 * @param affected how many students it covers
 * @param of how many active students there are
 * @param headline what is wrong, in words
 * @param fix the one action that fixes it for everyone, ready to copy
 * @param ids the students it covers (their rows point at this banner)
 */
public record ClassCause(
        String kind, int affected, int of, String headline, String fix, List<String> ids) {
    public static final String FUNCTION = "function";
    public static final String SHARED_ERROR = "shared-error";

    public ClassCause {
        Required.all("kind, headline, fix", kind, headline, fix);
        ids = List.copyOf(ids);
        if (affected < 0 || of < affected) {
            throw new IllegalArgumentException(
                    "affected must be between 0 and of, was " + affected + " of " + of);
        }
    }
}
