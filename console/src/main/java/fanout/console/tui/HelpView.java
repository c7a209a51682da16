package fanout.console.tui;

import java.util.List;

/** The {@code ?} help: generated from the key bindings of the view it was opened over. */
final class HelpView implements View {
    private final List<String> lines;
    private final Scroll scroll;

    HelpView(List<String> lines) {
        this.lines = List.copyOf(lines);
        this.scroll = new Scroll(this.lines::size);
    }

    @Override
    public String title() {
        return "Help";
    }

    @Override
    public List<KeyBinding> bindings() {
        return scroll.bindings("scroll down", "scroll up");
    }

    @Override
    public void render(Canvas canvas) {
        List<String> shown = wrapped(lines, Math.max(20, canvas.width() - 2));
        int height = canvas.height();
        int first = Math.min(scroll.offset(), Math.max(0, shown.size() - 1));
        // On a small terminal the last row says how much more there is, rather than cutting it.
        boolean more = shown.size() - first > height;
        int rows = more ? height - 1 : height;
        for (int row = 0; row < rows && row + first < shown.size(); row++) {
            String line = shown.get(row + first);
            boolean heading =
                    !line.startsWith(" ") && !line.isEmpty() && line.equals(line.toUpperCase());
            canvas.text(1, row, line, heading ? Tone.HEADER : Tone.NORMAL);
        }
        if (more) {
            int left = shown.size() - first - rows;
            canvas.text(
                    1,
                    height - 1,
                    "  \u2193 "
                            + left
                            + " more line"
                            + (left == 1 ? "" : "s")
                            + " (down, up scroll)",
                    Tone.DIM);
        }
    }

    /** Long descriptions wrap under themselves instead of running off the screen. */
    static List<String> wrapped(List<String> lines, int width) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.length() <= width) {
                out.add(line);
                continue;
            }
            int indent = descriptionColumn(line);
            String pad = " ".repeat(indent);
            String rest = line;
            boolean firstPart = true;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= indent) {
                    cut = width;
                }
                out.add(rest.substring(0, cut));
                rest = pad + rest.substring(cut).trim();
                firstPart = false;
            }
            out.add(firstPart ? line : rest);
        }
        return out;
    }

    /** Where a " key description" line's description starts (0 for other lines). */
    private static int descriptionColumn(String line) {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("^ +\\S+ +").matcher(line);
        return key.find() && key.end() < line.length() / 2 ? key.end() : 0;
    }
}
