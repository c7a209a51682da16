package fanout.console.tui;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Where a view's list of lines starts on screen: the down and up keys move it one line, never above
 * the first line nor past the last, however many lines there are by then.
 */
public final class Scroll {
    private final IntSupplier lines;
    private int offset;

    /**
     * @param lines how many lines there are now (a log grows, a filter narrows it)
     */
    public Scroll(IntSupplier lines) {
        this.lines = lines;
    }

    /** The down and up keys, kept out of the hint bar, with the help sentence of each. */
    public List<KeyBinding> bindings(String downHelp, String upHelp) {
        return List.of(
                KeyBinding.read(Key.of(KeyType.ArrowDown), "", downHelp, () -> move(1)),
                KeyBinding.read(Key.of(KeyType.ArrowUp), "", upHelp, () -> move(-1)));
    }

    /** The first line to draw, within the lines there are now. */
    public int offset() {
        offset = within(offset);
        return offset;
    }

    /** Back to the first line, e.g. when a new filter makes different lines. */
    public void reset() {
        offset = 0;
    }

    private void move(int by) {
        offset = within(offset + by);
    }

    private int within(int wanted) {
        return Math.max(0, Math.min(Math.max(0, lines.getAsInt() - 1), wanted));
    }
}
