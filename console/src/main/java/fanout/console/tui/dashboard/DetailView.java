package fanout.console.tui.dashboard;

import fanout.console.aws.AwsErrors;
import fanout.console.status.DestinationStatus;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.util.List;

/** One destination: its state and why, the fix, the full last error, and 30-minute sparklines. */
final class DetailView implements View {
    /** Where the fix's text starts, after "fix: ", and where its wrapped lines line up. */
    private static final int FIX_INDENT = 6;

    private final ViewContext context;
    private final StatusFeed feed;
    private final DestinationStatus row;
    private final int windowSeconds;
    private History history;
    private String problem = "";

    DetailView(ViewContext context, StatusFeed feed, DestinationStatus row, int windowSeconds) {
        this.context = context;
        this.feed = feed;
        this.row = row;
        this.windowSeconds = windowSeconds;
        this.history = History.empty(row.id());
    }

    @Override
    public String title() {
        return "Destination " + row.id();
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(
                KeyBinding.read(
                        Key.of('r'), "refresh", "load the last 30 minutes again", this::load));
    }

    @Override
    public void shown() {
        load();
    }

    private void load() {
        context.fetch(
                "history " + row.id(),
                () -> feed.history(row.id()),
                loaded -> {
                    history = loaded;
                    problem = "";
                },
                error -> problem = "history unavailable: " + AwsErrors.reason(error));
    }

    @Override
    public void render(Canvas canvas) {
        var palette = canvas.palette();
        int line = 0;
        canvas.text(
                1,
                line++,
                row.id()
                        + "  "
                        + nonNull(row.name())
                        + (row.helper() == null ? "" : "  (helper " + row.helper() + ")"),
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
        canvas.text(
                1,
                line++,
                String.format(
                        "over %d min: delivered %d, failed %d, rejected %d, throttled %d, resent %d, lag %s",
                        windowSeconds / 60,
                        row.delivered(),
                        row.failed(),
                        row.rejected(),
                        row.throttled(),
                        row.resent(),
                        Columns.lag(row.lagMs())),
                Tone.NORMAL);
        line++;
        canvas.text(1, line++, "last 30 minutes, one column per minute:", Tone.DIM);
        boolean unicode = palette.colourful();
        line = spark(canvas, line, "delivered", history.delivered(), Tone.GOOD, unicode);
        line = spark(canvas, line, "failed", history.failed(), Tone.BAD, unicode);
        line = spark(canvas, line, "throttled", history.throttled(), Tone.WARN, unicode);
        line = spark(canvas, line, "lag", history.lagMs(), Tone.INFO, unicode);
        if (!problem.isEmpty()) {
            canvas.text(1, line++, problem, Tone.WARN);
        }
        line++;
        if (row.lastError() == null) {
            canvas.text(1, line, "no error recorded", Tone.DIM);
            return;
        }
        canvas.text(
                1,
                line++,
                "last error"
                        + (row.lastErrorCode() == null ? "" : " " + row.lastErrorCode())
                        + (row.lastErrorAt() == null ? "" : " at " + row.lastErrorAt())
                        + ":",
                Tone.BAD);
        wrapped(canvas, line, 3, row.lastError(), Tone.NORMAL);
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
