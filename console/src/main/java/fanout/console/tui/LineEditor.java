package fanout.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A one-line text entry: typing, backspace, tab completion, enter to submit, esc to cancel. Used by
 * the status-line prompt and by views with an input field.
 */
public final class LineEditor {
    /** What became of a key. */
    public enum Result {
        EDITED,
        SUBMITTED,
        CANCELLED,
        IGNORED
    }

    private final String label;
    private final StringBuilder text;
    private final UnaryOperator<String> completer;
    private final Consumer<String> onChange;

    public LineEditor(
            String label,
            String initial,
            UnaryOperator<String> completer,
            Consumer<String> onChange) {
        this.label = Objects.requireNonNull(label, "label");
        this.text = new StringBuilder(initial == null ? "" : initial);
        this.completer = completer == null ? UnaryOperator.identity() : completer;
        this.onChange = onChange == null ? value -> {} : onChange;
    }

    public String label() {
        return label;
    }

    public String text() {
        return text.toString();
    }

    public Result handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Enter) {
            return Result.SUBMITTED;
        }
        if (type == KeyType.Escape) {
            return Result.CANCELLED;
        }
        if (type == KeyType.Backspace) {
            if (text.length() > 0) {
                text.setLength(text.length() - 1);
                onChange.accept(text());
            }
            return Result.EDITED;
        }
        if (type == KeyType.Tab) {
            String completed = completer.apply(text());
            text.setLength(0);
            text.append(completed);
            onChange.accept(text());
            return Result.EDITED;
        }
        if (type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            text.append(key.getCharacter());
            onChange.accept(text());
            return Result.EDITED;
        }
        return Result.IGNORED;
    }

    /** Draws {@code label text_} on one row of a canvas, keeping the end of long text visible. */
    public void render(Canvas canvas, int row, Tone tone) {
        String shown = text() + "_";
        int room = Math.max(1, canvas.width() - label.length());
        if (shown.length() > room) {
            shown = shown.substring(shown.length() - room);
        }
        int column = canvas.text(0, row, label, Tone.KEY);
        canvas.text(column, row, shown, tone);
    }
}
