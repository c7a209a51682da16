package fanout.console.tui;

import java.util.ArrayList;
import java.util.List;

/** Pure functions from key bindings to the hint bar and the help text. */
public final class Keymap {
    private Keymap() {}

    /**
     * The hint bar: {@code <key> label} for each binding with a hint that the mode allows, cut at a
     * whole item so it never runs past {@code width}.
     */
    public static String hintBar(List<KeyBinding> bindings, boolean readOnly, int width) {
        StringBuilder bar = new StringBuilder();
        for (KeyBinding binding : bindings) {
            if (binding.hint().isEmpty() || !binding.allowed(readOnly)) {
                continue;
            }
            String item = "<" + binding.key().label() + "> " + binding.hint();
            int needed = (bar.length() == 0 ? 0 : 2) + item.length();
            if (bar.length() + needed > width) {
                break;
            }
            if (bar.length() > 0) {
                bar.append("  ");
            }
            bar.append(item);
        }
        return bar.toString();
    }

    /**
     * The hint bar of a view: the keys every view has always fit (they are how one finds the rest);
     * the view's own keys fill the room left before them.
     */
    public static String hintBar(
            List<KeyBinding> viewBindings,
            List<KeyBinding> globalBindings,
            boolean readOnly,
            int width) {
        String globals = hintBar(globalBindings, readOnly, width);
        int room = width - globals.length() - 2;
        String own = room > 0 ? hintBar(viewBindings, readOnly, room) : "";
        if (own.isEmpty()) {
            return globals;
        }
        return own + " ".repeat(Math.max(2, width - own.length() - globals.length())) + globals;
    }

    /** The help lines: one section for the view, one for the keys every view has. */
    public static List<String> helpLines(
            String viewTitle,
            List<KeyBinding> viewBindings,
            List<KeyBinding> globalBindings,
            boolean readOnly) {
        List<String> lines = new ArrayList<>();
        lines.add(viewTitle.toUpperCase(java.util.Locale.ROOT));
        section(lines, viewBindings, readOnly);
        lines.add("");
        lines.add("EVERY VIEW");
        section(lines, globalBindings, readOnly);
        if (readOnly) {
            lines.add("");
            lines.add("read-only: actions that change the installation are hidden and refused");
        }
        return lines;
    }

    private static void section(List<String> lines, List<KeyBinding> bindings, boolean readOnly) {
        for (KeyBinding binding : bindings) {
            if (!binding.allowed(readOnly)) {
                continue;
            }
            String mark = binding.effect() == Effect.DANGEROUS ? " (asks you to type a word)" : "";
            lines.add(String.format("  %-10s %s%s", binding.key().label(), binding.help(), mark));
        }
    }
}
