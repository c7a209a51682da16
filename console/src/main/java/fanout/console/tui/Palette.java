package fanout.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import fanout.console.status.DestinationState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * Colours and state symbols. The colour palette avoids red-versus-green (blue for good, orange for
 * bad, yellow for warnings, after Okabe and Ito) and every state also has a symbol and a word; the
 * monochrome palette ({@code NO_COLOR}) uses reverse and bold only, with ASCII symbols.
 */
public final class Palette {
    /** Orange, the colour-blind-safe "bad". */
    public static final TextColor ORANGE = new TextColor.Indexed(208);

    /** Blue, the colour-blind-safe "good". */
    public static final TextColor BLUE = new TextColor.Indexed(39);

    public static final TextColor YELLOW = new TextColor.Indexed(220);
    public static final TextColor GREY = new TextColor.Indexed(245);
    public static final TextColor SKY = new TextColor.Indexed(117);
    public static final TextColor BAR_BACKGROUND = new TextColor.Indexed(24);

    /** How one tone is drawn. */
    public record Style(TextColor foreground, TextColor background, EnumSet<SGR> modifiers) {
        public Style {
            Objects.requireNonNull(foreground, "foreground is required");
            Objects.requireNonNull(background, "background is required");
            modifiers = EnumSet.copyOf(modifiers);
        }
    }

    private final boolean colour;
    private final Map<Tone, Style> styles;

    private Palette(boolean colour, Map<Tone, Style> styles) {
        this.colour = colour;
        this.styles = styles;
    }

    /** Monochrome when {@code NO_COLOR} is set to anything non-empty (no-color.org). */
    public static Palette fromEnvironment(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? monochrome() : colour();
    }

    public static Palette colour() {
        Map<Tone, Style> styles = new EnumMap<>(Tone.class);
        TextColor none = TextColor.ANSI.DEFAULT;
        styles.put(Tone.NORMAL, style(none, none));
        styles.put(Tone.DIM, style(GREY, none));
        styles.put(Tone.TITLE, style(TextColor.ANSI.WHITE_BRIGHT, BAR_BACKGROUND, SGR.BOLD));
        styles.put(Tone.HEADER, style(SKY, none, SGR.BOLD));
        styles.put(Tone.SELECTED, style(none, none, SGR.REVERSE));
        styles.put(Tone.MARKED, style(YELLOW, none, SGR.BOLD));
        styles.put(Tone.GOOD, style(BLUE, none));
        styles.put(Tone.WARN, style(YELLOW, none));
        styles.put(Tone.BAD, style(ORANGE, none, SGR.BOLD));
        styles.put(Tone.INFO, style(SKY, none));
        styles.put(Tone.BAR, style(TextColor.ANSI.WHITE_BRIGHT, BAR_BACKGROUND));
        styles.put(Tone.KEY, style(YELLOW, none, SGR.BOLD));
        return new Palette(true, styles);
    }

    public static Palette monochrome() {
        Map<Tone, Style> styles = new EnumMap<>(Tone.class);
        TextColor none = TextColor.ANSI.DEFAULT;
        for (Tone tone : Tone.values()) {
            styles.put(tone, style(none, none));
        }
        styles.put(Tone.TITLE, style(none, none, SGR.REVERSE));
        styles.put(Tone.BAR, style(none, none, SGR.REVERSE));
        styles.put(Tone.SELECTED, style(none, none, SGR.REVERSE));
        styles.put(Tone.HEADER, style(none, none, SGR.BOLD));
        styles.put(Tone.BAD, style(none, none, SGR.BOLD));
        styles.put(Tone.MARKED, style(none, none, SGR.BOLD));
        styles.put(Tone.KEY, style(none, none, SGR.BOLD));
        return new Palette(false, styles);
    }

    public boolean colourful() {
        return colour;
    }

    public Style style(Tone tone) {
        return styles.get(tone);
    }

    public Tone tone(DestinationState state) {
        return switch (state) {
            case OK -> Tone.GOOD;
            case ERROR -> Tone.BAD;
            case BEHIND, LAG, WAITING -> Tone.WARN;
            case IDLE -> Tone.INFO;
            default -> Tone.DIM;
        };
    }

    /** The state's symbol: Unicode in colour mode, ASCII in monochrome. Never an emoji. */
    public String symbol(DestinationState state) {
        return switch (state) {
            case OK -> pick("\u25cf", "+");
            case ERROR -> pick("\u2716", "X");
            case BEHIND -> pick("\u00bb", ">");
            case LAG -> pick("\u25b2", "^");
            case WAITING -> pick("\u25cc", ".");
            case IDLE -> pick("\u25cb", "o");
            default -> pick("\u2013", "-");
        };
    }

    /** A check-list mark: done, failed, running or pending. */
    public String mark(boolean done, boolean failed, boolean running) {
        if (running) {
            return pick("\u25b6", ">");
        }
        if (failed) {
            return pick("\u2716", "X");
        }
        return done ? pick("\u2714", "+") : pick("\u25cb", "o");
    }

    /** A check-list mark for a step done with warnings (a text symbol, not an emoji). */
    public String warnedMark() {
        return pick("\u26a0", "!");
    }

    private String pick(String unicode, String ascii) {
        return colour ? unicode : ascii;
    }

    private static Style style(TextColor fg, TextColor bg, SGR... modifiers) {
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        for (SGR modifier : modifiers) {
            set.add(modifier);
        }
        return new Style(fg, bg, set);
    }
}
