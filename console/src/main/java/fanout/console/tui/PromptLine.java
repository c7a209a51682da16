package fanout.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.function.Consumer;

/**
 * The text entry in the status line (a view name, a filter, a typed confirmation): while open it
 * takes every key, and enter hands its text to whoever opened it.
 */
final class PromptLine {
    private LineEditor editor;
    private Consumer<String> submit;

    boolean isOpen() {
        return editor != null;
    }

    /** The open editor, or null. */
    LineEditor editor() {
        return editor;
    }

    void open(LineEditor lineEditor, Consumer<String> onSubmit) {
        editor = lineEditor;
        submit = onSubmit;
    }

    void close() {
        editor = null;
        submit = null;
    }

    void handle(KeyStroke key) {
        LineEditor.Result result = editor.handle(key);
        if (result == LineEditor.Result.SUBMITTED) {
            Consumer<String> done = submit;
            String text = editor.text();
            // Closed first: the submitted action may open another prompt.
            close();
            done.accept(text);
        } else if (result == LineEditor.Result.CANCELLED) {
            close();
        }
    }
}
