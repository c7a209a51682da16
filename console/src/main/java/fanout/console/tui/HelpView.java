package fanout.console.tui;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/** The {@code ?} help: generated from the key bindings of the view it was opened over. */
final class HelpView implements View {
    private final List<String> lines;
    private int scroll;

    HelpView(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    @Override
    public String title() {
        return "Help";
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(
                KeyBinding.read(Key.of(KeyType.ArrowDown), "", "scroll down", () -> scroll(1)),
                KeyBinding.read(Key.of(KeyType.ArrowUp), "", "scroll up", () -> scroll(-1)));
    }

    private void scroll(int by) {
        scroll = Math.max(0, Math.min(Math.max(0, lines.size() - 1), scroll + by));
    }

    @Override
    public void render(Canvas canvas) {
        for (int row = 0; row < canvas.height() && row + scroll < lines.size(); row++) {
            String line = lines.get(row + scroll);
            boolean heading =
                    !line.startsWith(" ") && !line.isEmpty() && line.equals(line.toUpperCase());
            canvas.text(1, row, line, heading ? Tone.HEADER : Tone.NORMAL);
        }
    }
}
