package fanout.console.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * Where views draw: a rectangle of rows on the screen, in tones. Text is cut at the right edge, so
 * nothing is ever drawn past the terminal's width.
 */
public final class Canvas {
    private final TextGraphics graphics;
    private final Palette palette;
    private final int top;
    private final int width;
    private final int height;

    public Canvas(TextGraphics graphics, Palette palette, int top, int width, int height) {
        this.graphics = graphics;
        this.palette = palette;
        this.top = top;
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Palette palette() {
        return palette;
    }

    /** A canvas over rows {@code from} (inclusive) to {@code from + rows} of this one. */
    public Canvas rows(int from, int rows) {
        int start = Math.min(from, height);
        return new Canvas(graphics, palette, top + start, width, Math.min(rows, height - start));
    }

    /** Draws text at a column of a row, cut at the right edge; returns the column after it. */
    public int text(int column, int row, String text, Tone tone) {
        if (row < 0 || row >= height || column >= width || text == null) {
            return column;
        }
        String cut = text.length() > width - column ? text.substring(0, width - column) : text;
        Palette.Style style = palette.style(tone);
        graphics.setForegroundColor(style.foreground());
        graphics.setBackgroundColor(style.background());
        graphics.clearModifiers();
        if (!style.modifiers().isEmpty()) {
            graphics.enableModifiers(style.modifiers().toArray(new com.googlecode.lanterna.SGR[0]));
        }
        graphics.putString(column, top + row, cut);
        graphics.clearModifiers();
        return column + cut.length();
    }

    /** Fills a whole row with spaces in a tone, e.g. for a bar or a selected line. */
    public void fill(int row, Tone tone) {
        text(0, row, " ".repeat(width), tone);
    }

    /** Draws text so that it ends at the right edge. */
    public void right(int row, String text, Tone tone) {
        text(Math.max(0, width - text.length()), row, text, tone);
    }

    /** Pads or cuts text to exactly {@code size} characters (with an ellipsis when cut). */
    public static String fit(String text, int size) {
        String value = text == null ? "" : text;
        if (size <= 0) {
            return "";
        }
        if (value.length() > size) {
            return size == 1 ? value.substring(0, 1) : value.substring(0, size - 1) + "~";
        }
        return value + " ".repeat(size - value.length());
    }

    /** Splits text into lines of at most {@code width}, at spaces where possible. */
    public static java.util.List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String paragraph : text.split("\n")) {
            String rest = paragraph;
            while (rest.length() > width && width > 0) {
                int cut = rest.lastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }
}
