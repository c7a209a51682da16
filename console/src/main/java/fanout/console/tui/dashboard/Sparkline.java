package fanout.console.tui.dashboard;

import java.util.List;

/** A one-line chart of per-minute values, scaled to the largest. */
public final class Sparkline {
    private static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    private static final String ASCII = "_.-:=+*#";

    private Sparkline() {}

    public static String of(List<Long> values, boolean unicode) {
        String levels = unicode ? BLOCKS : ASCII;
        long max = 0;
        for (Long value : values) {
            max = Math.max(max, value == null ? 0 : value);
        }
        StringBuilder line = new StringBuilder();
        for (Long value : values) {
            long v = value == null ? 0 : value;
            if (v <= 0 || max == 0) {
                line.append(unicode ? ' ' : ' ');
            } else {
                int level = (int) Math.min(levels.length() - 1, (v * levels.length() - 1) / max);
                line.append(levels.charAt(level));
            }
        }
        return line.toString();
    }
}
