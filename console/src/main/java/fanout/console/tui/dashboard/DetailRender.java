package fanout.console.tui.dashboard;

import fanout.console.status.DestinationStatus;
import fanout.console.tui.Canvas;
import fanout.console.tui.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Draws one destination's detail: its state and why, the fix, the action to copy (its first lines),
 * the counts over the window, the last error whole, then the sparklines of the last 30 minutes.
 *
 * @param action what to copy: the class's fix when a class-wide cause covers the row, else its own
 * @param problem why the history is missing, empty when it is not
 */
record DetailRender(
        DestinationStatus row,
        String action,
        int windowSeconds,
        History history,
        String problem,
        Instant now) {
    /** Where the fix's text starts, after "fix: ", and where its wrapped lines line up. */
    private static final int FIX_INDENT = 6;

    /** At most this many lines of the action are drawn; {@code y} copies all of it. */
    static final int ACTION_LINES = 4;

    void render(Canvas canvas) {
        var palette = canvas.palette();
        int line = 0;
        canvas.text(
                1,
                line++,
                row.id()
                        + "  "
                        + nonNull(row.name())
                        + (row.helper() == null ? "" : "  (helper " + row.helper() + ")")
                        + (row.selfRegistered() ? "  [self-registered from Slack]" : ""),
                Tone.HEADER);
        int column =
                canvas.text(
                        1,
                        line,
                        palette.symbol(row.state()) + " " + row.state(),
                        palette.tone(row.state()));
        line = wrapped(canvas, line, column + 2, nonNull(row.reason()), Tone.NORMAL);
        if (row.fix() != null && !row.fix().isBlank()) {
            canvas.text(1, line, "fix:", Tone.INFO);
            line = wrapped(canvas, line, FIX_INDENT, row.fix(), Tone.INFO);
        }
        if (row.classWide()) {
            canvas.text(
                    1, line++, "a cause shared by the class (the dashboard's banner):", Tone.WARN);
        }
        if (!action.isBlank()) {
            String[] texts = action.split("\n");
            canvas.text(1, line++, "action (y copies it):", Tone.INFO);
            // A trust policy is long: its first lines, so the counts and sparklines stay on screen.
            int shown = texts.length <= ACTION_LINES ? texts.length : ACTION_LINES - 1;
            for (int i = 0; i < shown; i++) {
                line = wrapped(canvas, line, 3, texts[i], Tone.KEY);
            }
            if (shown < texts.length) {
                canvas.text(
                        3,
                        line++,
                        "... " + (texts.length - shown) + " more lines (y copies them all)",
                        Tone.DIM);
            }
        }
        canvas.text(
                1,
                line++,
                String.format(
                        "over %d min: delivered %d, failed %d, rejected %d, throttled %d, resent %d",
                        windowSeconds / 60,
                        row.delivered(),
                        row.failed(),
                        row.rejected(),
                        row.throttled(),
                        row.resent()),
                Tone.NORMAL);
        canvas.text(
                1,
                line++,
                "lag now "
                        + Columns.lag(row.lagNowMs())
                        + ", peak "
                        + Columns.lag(row.lagMs())
                        + (row.notOkSince() == null
                                ? ""
                                : " | not OK for "
                                        + Columns.humanDuration(
                                                Duration.between(row.notOkSince(), now))),
                Tone.NORMAL);
        line = lastError(canvas, line);
        line++;
        canvas.text(1, line++, "last 30 minutes, one column per minute:", Tone.DIM);
        boolean unicode = palette.colourful();
        line = spark(canvas, line, "delivered", history.delivered(), Tone.GOOD, unicode);
        line = spark(canvas, line, "failed", history.failed(), Tone.BAD, unicode);
        line = spark(canvas, line, "throttled", history.throttled(), Tone.WARN, unicode);
        line = spark(canvas, line, "lag", history.lagMs(), Tone.INFO, unicode);
        if (!problem.isEmpty()) {
            canvas.text(1, line, problem, Tone.WARN);
        }
    }

    /** The full last error, above the sparklines so a small terminal still shows it whole. */
    private int lastError(Canvas canvas, int line) {
        if (row.lastError() == null) {
            canvas.text(1, line, "no error recorded", Tone.DIM);
            return line + 1;
        }
        canvas.text(
                1,
                line++,
                "last error"
                        + (row.lastErrorCode() == null ? "" : " " + row.lastErrorCode())
                        + (row.lastErrorAt() == null ? "" : " at " + row.lastErrorAt())
                        + ":",
                Tone.BAD);
        return wrapped(canvas, line, 3, row.lastError(), Tone.NORMAL);
    }

    /**
     * Draws text from {@code column} on, word-wrapped onto following lines at the same indent, so a
     * long reason or fix is read whole instead of cut at the screen's edge; returns the next line.
     */
    private static int wrapped(Canvas canvas, int line, int column, String text, Tone tone) {
        int next = line;
        for (String part : Canvas.wrap(text, Math.max(1, canvas.width() - column - 1))) {
            canvas.text(column, next++, part, tone);
        }
        return next;
    }

    private static int spark(
            Canvas canvas, int line, String label, List<Long> values, Tone tone, boolean unicode) {
        long max = values.stream().mapToLong(v -> v == null ? 0 : v).max().orElse(0);
        int column = canvas.text(1, line, Canvas.fit(label, 10), Tone.NORMAL);
        column =
                canvas.text(
                        column,
                        line,
                        "|" + Canvas.fit(Sparkline.of(values, unicode), History.MINUTES) + "|",
                        tone);
        canvas.text(column + 1, line, "max " + max, Tone.DIM);
        return line + 1;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
