package fanout.console.tui.dashboard;

import fanout.console.status.ClassCause;
import fanout.console.status.DestinationStatus;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One destination: its state and why, the one action to take (ready to copy with {@code y}), the
 * full last error, and 30-minute sparklines; {@code e} edits a mistyped row in place.
 */
final class DetailView implements View {
    /** Where the fix's text starts, after "fix: ", and where its wrapped lines line up. */
    private static final int FIX_INDENT = 6;

    /** At most this many lines of the action are drawn; {@code y} copies all of it. */
    static final int ACTION_LINES = 4;

    private final ViewContext context;
    private final DashboardPorts ports;
    private final DestinationStatus row;
    private final int windowSeconds;
    private final List<ClassCause> causes;
    private History history;
    private String problem = "";

    DetailView(
            ViewContext context,
            DashboardPorts ports,
            DestinationStatus row,
            int windowSeconds,
            List<ClassCause> causes) {
        this.context = context;
        this.ports = ports;
        this.row = row;
        this.windowSeconds = windowSeconds;
        this.causes = List.copyOf(causes);
        this.history = History.empty(row.id());
    }

    /** The action to copy: the class's when a class-wide cause covers this row, else its own. */
    String action() {
        if (row.classWide()) {
            for (ClassCause cause : causes) {
                if (cause.ids().contains(row.id())) {
                    return cause.fix();
                }
            }
        }
        return row.action();
    }

    @Override
    public String title() {
        return "Destination " + row.id();
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(
                KeyBinding.read(
                        Key.of('y'),
                        "copy fix",
                        "copy the action to .fanout/fix-<id>.txt and the terminal clipboard"
                                + " (OSC 52)",
                        this::copyAction),
                KeyBinding.write(
                        Key.of('e'),
                        "edit row",
                        "edit the row's role ARN and stream in place (a typo in an ARN)",
                        this::edit),
                KeyBinding.read(
                        Key.of('r'), "refresh", "load the last 30 minutes again", this::load));
    }

    private void copyAction() {
        String text = action();
        if (text.isBlank()) {
            context.status("nothing to copy: " + row.id() + " needs no action", Tone.DIM);
            return;
        }
        try {
            Path file = ports.copy().copy(row.id(), text);
            context.status("copied to " + file + " and the terminal clipboard (OSC 52)", Tone.GOOD);
        } catch (IOException e) {
            context.status("could not write the fix: " + e.getMessage(), Tone.BAD);
        }
    }

    private void edit() {
        context.fetch(
                "read row " + row.id(),
                () -> ports.actions().row(row.id()),
                current ->
                        context.prompt(
                                "role ARN of " + row.id() + ": ",
                                nonNull(current.role()),
                                role ->
                                        context.prompt(
                                                "stream of " + row.id() + ": ",
                                                nonNull(current.destination()),
                                                stream -> write(current, role, stream))),
                error -> context.status("cannot edit: " + error.reason(), Tone.BAD));
    }

    private void write(BulkActions.RowFields current, String role, String stream) {
        BulkActions.RowFields edited =
                new BulkActions.RowFields(current.id(), role.trim(), stream.trim());
        if (edited.equals(current)) {
            context.status(row.id() + " unchanged", Tone.DIM);
            return;
        }
        context.fetch(
                "update " + row.id(),
                () -> ports.actions().edit(edited),
                result -> DashboardActions.show(context, result),
                error -> context.status("update failed: " + error.reason(), Tone.BAD));
    }

    @Override
    public void shown() {
        load();
    }

    private void load() {
        context.fetch(
                "history " + row.id(),
                () -> ports.feed().history(row.id()),
                loaded -> {
                    history = loaded;
                    problem = "";
                },
                error -> problem = "history unavailable: " + error.reason());
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
        String action = action();
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
                                                java.time.Duration.between(
                                                        row.notOkSince(),
                                                        context.clock().instant()))),
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
