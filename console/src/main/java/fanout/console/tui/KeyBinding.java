package fanout.console.tui;

import fanout.check.Required;
import java.util.Objects;

/**
 * One key of a view, as data: the hint bar and the {@code ?} help are generated from these.
 *
 * @param hint the short label in the hint bar, empty to keep it out of the bar (still in help)
 * @param help the sentence in the help view
 */
public record KeyBinding(Key key, String hint, String help, Effect effect, Runnable action) {

    public KeyBinding {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(hint, "hint is required (empty keeps it out of the hint bar)");
        Required.all("help, effect, action", help, effect, action);
    }

    public static KeyBinding read(Key key, String hint, String help, Runnable action) {
        return new KeyBinding(key, hint, help, Effect.READ, action);
    }

    public static KeyBinding write(Key key, String hint, String help, Runnable action) {
        return new KeyBinding(key, hint, help, Effect.WRITE, action);
    }

    public static KeyBinding dangerous(Key key, String hint, String help, Runnable action) {
        return new KeyBinding(key, hint, help, Effect.DANGEROUS, action);
    }

    /** Whether this binding may run (and be shown) in the given mode. */
    public boolean allowed(boolean readOnly) {
        return !readOnly || effect == Effect.READ;
    }
}
