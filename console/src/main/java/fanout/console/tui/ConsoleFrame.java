package fanout.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;

/**
 * Draws what surrounds every view: the title bar on top, the status line and the hint bar at the
 * bottom, and a plain message when the terminal is smaller than the console needs.
 */
final class ConsoleFrame {
    private String status = "";
    private Tone statusTone = Tone.DIM;

    void status(String message, Tone tone) {
        this.status = message == null ? "" : message;
        this.statusTone = tone;
    }

    void draw(Screen screen, Console console, LineEditor editor) throws IOException {
        screen.clear();
        TerminalSize size = screen.getTerminalSize();
        Canvas whole =
                new Canvas(
                        screen.newTextGraphics(),
                        console.palette(),
                        0,
                        size.getColumns(),
                        size.getRows());
        if (size.getColumns() < Console.MIN_COLUMNS || size.getRows() < Console.MIN_ROWS) {
            whole.text(
                    0,
                    0,
                    "fanout needs at least 80x24; this terminal is "
                            + size.getColumns()
                            + "x"
                            + size.getRows(),
                    Tone.BAD);
            whole.text(0, 1, "enlarge the window, or press q to quit", Tone.NORMAL);
            screen.setCursorPosition(null);
            screen.refresh();
            return;
        }
        View top = console.top();
        whole.fill(0, Tone.TITLE);
        whole.text(1, 0, "fanout | " + top.title(), Tone.TITLE);
        whole.right(0, badges(console) + " ", Tone.TITLE);
        Canvas body = whole.rows(1, size.getRows() - 3);
        try {
            top.render(body);
        } catch (RuntimeException e) {
            // A bug in one view's drawing must not take the terminal down: say so and carry on.
            body.text(1, 0, "internal error drawing " + top.title() + ": " + e, Tone.BAD);
        }
        int statusRow = size.getRows() - 2;
        if (editor != null) {
            editor.render(whole, statusRow, Tone.NORMAL);
        } else {
            whole.text(1, statusRow, status, statusTone);
        }
        whole.fill(size.getRows() - 1, Tone.BAR);
        if (top.showsHints()) {
            String hints =
                    Keymap.hintBar(
                            top.bindings(),
                            console.globalBindings(top),
                            console.readOnly(),
                            size.getColumns() - 2);
            whole.text(1, size.getRows() - 1, hints, Tone.BAR);
        }
        screen.setCursorPosition(null);
        screen.refresh();
    }

    private static String badges(Console console) {
        StringBuilder badges = new StringBuilder();
        if (console.sandbox()) {
            badges.append("[SANDBOX]");
        }
        if (console.readOnly()) {
            badges.append(badges.length() > 0 ? " " : "").append("[READ-ONLY]");
        }
        return badges.toString();
    }
}
