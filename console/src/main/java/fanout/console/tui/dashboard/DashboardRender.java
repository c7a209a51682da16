package fanout.console.tui.dashboard;

import fanout.console.status.ClassCause;
import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.Canvas;
import fanout.console.tui.Palette;
import fanout.console.tui.Tone;
import fanout.console.tui.ViewContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Draws the dashboard: a header of four lines, the column titles, then the rows. */
record DashboardRender(
        ViewContext context, DashboardModel model, StatusFeed feed, Duration interval) {
    private static final int HEADER_ROWS = 4;

    /**
     * At most this many class-wide causes get banner lines (what, in up to two lines, and the fix's
     * command).
     */
    private static final int MAX_BANNERS = 2;

    void render(Canvas canvas) {
        if (model.snapshot().isEmpty()) {
            canvas.text(1, 0, "loading status...", Tone.DIM);
            return;
        }
        StatusSnapshot snapshot = model.snapshot().get();
        Instant now = context.clock().instant();
        header(canvas, snapshot, now);
        int top = HEADER_ROWS + banner(canvas, snapshot);
        canvas.text(0, top, Columns.header(canvas.width()), Tone.HEADER);
        rows(canvas.rows(top + 1, canvas.height() - top - 1), snapshot, now);
    }

    /**
     * A cause most of the class shares, said once above the table (its rows say "class-wide");
     * returns the lines used.
     */
    private static int banner(Canvas canvas, StatusSnapshot snapshot) {
        int line = HEADER_ROWS;
        for (ClassCause cause :
                snapshot.classDiagnosis()
                        .subList(0, Math.min(MAX_BANNERS, snapshot.classDiagnosis().size()))) {
            Tone tone = ClassCause.SHARED_ERROR.equals(cause.kind()) ? Tone.BAD : Tone.WARN;
            List<String> headline = Canvas.wrap("CLASS: " + cause.headline(), canvas.width() - 2);
            for (String text : headline.subList(0, Math.min(2, headline.size()))) {
                canvas.text(1, line++, text, tone);
            }
            canvas.text(3, line++, "fix: " + firstCommand(cause.fix()), Tone.INFO);
        }
        return line - HEADER_ROWS;
    }

    /** The fix's first line that is a command, else its first line without the comment mark. */
    static String firstCommand(String fix) {
        String first = null;
        for (String line : fix.split("\n")) {
            if (first == null) {
                first = line.startsWith("# ") ? line.substring(2) : line;
            }
            if (!line.startsWith("#")) {
                return line;
            }
        }
        return first == null ? "" : first;
    }

    private void header(Canvas canvas, StatusSnapshot snapshot, Instant now) {
        canvas.text(
                1,
                0,
                String.join(
                        " | ",
                        nonNull(snapshot.account()),
                        nonNull(snapshot.region()),
                        "function " + nonNull(snapshot.function()),
                        "source " + shortSource(snapshot.source())),
                Tone.NORMAL);
        int column = 1;
        Palette palette = canvas.palette();
        for (Map.Entry<DestinationState, Integer> count :
                counts(snapshot.destinations()).entrySet()) {
            String text =
                    palette.symbol(count.getKey())
                            + " "
                            + count.getValue()
                            + " "
                            + count.getKey()
                            + "  ";
            column = canvas.text(column, 1, text, palette.tone(count.getKey()));
        }
        canvas.text(
                1,
                2,
                "window "
                        + snapshot.windowSeconds() / 60
                        + " min | "
                        + dataAge(snapshot, now)
                        + " | refresh "
                        + interval.toSeconds()
                        + " s"
                        + (context.sandbox()
                                ? " (sandbox)"
                                : " (min "
                                        + fanout.console.tui.ConsoleOptions.MIN_REFRESH.toSeconds()
                                        + " s)"),
                Tone.DIM);
        String view =
                String.format(
                                Locale.ROOT,
                                context.sandbox()
                                        ? "CloudWatch ~$%.3f/h on AWS, free here | "
                                        : "CloudWatch ~$%.3f/h | ",
                                feed.costPerHour(model.total(), interval))
                        + (model.faultsOnly() ? "faults only | " : "")
                        + (model.stuckFirst() ? "stuck first, by helper | " : "")
                        + (model.filter().isBlank() ? "" : "filter: " + model.filter() + " | ")
                        + model.visible().size()
                        + " of "
                        + model.total()
                        + " shown"
                        + (model.marked().isEmpty()
                                ? ""
                                : " | " + model.marked().size() + " marked");
        canvas.text(1, 3, view, Tone.INFO);
    }

    private void rows(Canvas canvas, StatusSnapshot snapshot, Instant now) {
        List<DestinationStatus> rows = model.visible();
        if (rows.isEmpty()) {
            canvas.text(
                    2,
                    0,
                    model.total() == 0
                            ? "no destinations registered yet: import the roster (:setup)"
                            : "no destination matches; esc or / to change the filter",
                    Tone.DIM);
            return;
        }
        int first = Math.max(0, model.index() - canvas.height() + 1);
        for (int row = 0; row < canvas.height() && first + row < rows.size(); row++) {
            DestinationStatus destination = rows.get(first + row);
            boolean selected = first + row == model.index();
            boolean marked = model.marked().contains(destination.id());
            if (selected) {
                canvas.fill(row, Tone.SELECTED);
            }
            int column = 0;
            for (Columns.Cell cell :
                    Columns.cells(
                            destination,
                            snapshot.windowSeconds(),
                            now,
                            canvas.palette(),
                            marked,
                            canvas.width())) {
                column =
                        canvas.text(
                                column, row, cell.text(), selected ? Tone.SELECTED : cell.tone());
            }
        }
    }

    private static String dataAge(StatusSnapshot snapshot, Instant now) {
        if (snapshot.dataAsOf() == null) {
            return "no data yet";
        }
        return "data "
                + Columns.humanDuration(Duration.between(snapshot.dataAsOf(), now))
                + " old ("
                + fanout.console.status.MetricPeriods.resolution(
                        Duration.ofSeconds(snapshot.windowSeconds()))
                + " resolution)";
    }

    /** Counts per state, worst first, zeros included so the line does not jump around. */
    private static Map<DestinationState, Integer> counts(List<DestinationStatus> destinations) {
        Map<DestinationState, Integer> counts = new LinkedHashMap<>();
        for (DestinationState state : DestinationState.WORST_FIRST) {
            counts.put(state, 0);
        }
        destinations.forEach(row -> counts.merge(row.state(), 1, Integer::sum));
        return counts;
    }

    private static String shortSource(String source) {
        if (source == null) {
            return "?";
        }
        int slash = source.lastIndexOf('/');
        return slash >= 0 ? source.substring(slash + 1) : source;
    }

    private static String nonNull(String value) {
        return value == null ? "?" : value;
    }
}
