package fanout.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One screen of the console. Views are small: rows come from pure functions of what a port
 * returned, keys are data. Only the view on top of the stack is rendered and polled.
 */
public interface View {
    /** The title in the top bar. */
    String title();

    /**
     * This view's keys; the hint bar and help are generated from them. None by default: a view that
     * only shows something (the projector, a probe's answers) has just the keys every view has.
     */
    default List<KeyBinding> bindings() {
        return List.of();
    }

    void render(Canvas canvas);

    /** Raw key handling before bindings, for views with text entry; true when consumed. */
    default boolean handleInput(KeyStroke key) {
        return false;
    }

    /** How often to poll while on top; empty when the view does not poll. */
    default Optional<Duration> pollInterval() {
        return Optional.empty();
    }

    /** Called on the GUI thread when a poll is due (start a fetch; do not block). */
    default void poll() {}

    /**
     * Whether the frame draws the key hints under this view; the projector's wall screen has none.
     */
    default boolean showsHints() {
        return true;
    }

    /** Called when the view comes on top (pushed, or the view above it was closed). */
    default void shown() {}

    /** The view's filter, when it has one ({@code /} edits it). */
    default Optional<Filterable> filterable() {
        return Optional.empty();
    }

    /** A view whose rows can be narrowed by a typed filter. */
    interface Filterable {
        String filter();

        void filter(String text);

        /** A line of syntax help shown next to the prompt. */
        default String syntax() {
            return "";
        }
    }
}
