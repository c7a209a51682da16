package fanout.console.tui.dashboard;

import fanout.console.status.DestinationStatus;
import fanout.console.tui.Canvas;
import fanout.console.tui.Palette;
import fanout.console.tui.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's table: column widths for a terminal width, and each row's cells as text. */
final class Columns {
    /** A piece of a row, drawn in one tone. */
    record Cell(String text, Tone tone) {}

    private Columns() {}

    static int nameWidth(int width) {
        return width >= 110 ? 20 : 14;
    }

    /**
     * The name, with an {@code S} after it when the student registered themselves from Slack, so
     * the leader sees at once which rows nobody imported (the marker survives a long name).
     */
    static String name(DestinationStatus row, int size) {
        String name = row.name() == null ? "" : row.name();
        if (!row.selfRegistered()) {
            return name;
        }
        return (Canvas.fit(name, size - 2).stripTrailing() + " S").stripLeading();
    }

    /** Below this width the peak lag and the last delivery's age make room for the rest. */
    static final int WIDE = 100;

    static String header(int width) {
        boolean wide = width >= WIDE;
        return line(
                width,
                "  ",
                Canvas.fit("ID", 6),
                Canvas.fit("NAME", nameWidth(width)),
                Canvas.fit("STATE", 10),
                String.format("%7s", "DLV/MIN"),
                String.format("%6s", "FAILED"),
                String.format("%5s", "THROT"),
                String.format("%6s", "LAG"),
                wide ? String.format("%6s", "PEAK") : "",
                String.format("%6s", "NOT OK"),
                wide ? Canvas.fit("LAST DLV", 8) : "",
                "LAST ERROR");
    }

    static List<Cell> cells(
            DestinationStatus row,
            int windowSeconds,
            Instant now,
            Palette palette,
            boolean marked,
            int width) {
        List<Cell> cells = new ArrayList<>();
        Tone state = palette.tone(row.state());
        cells.add(new Cell(marked ? "* " : "  ", Tone.MARKED));
        cells.add(new Cell(Canvas.fit(row.id(), 6) + " ", Tone.NORMAL));
        cells.add(
                new Cell(
                        Canvas.fit(name(row, nameWidth(width)), nameWidth(width)) + " ",
                        Tone.NORMAL));
        cells.add(
                new Cell(
                        Canvas.fit(palette.symbol(row.state()) + " " + row.state(), 10) + " ",
                        state));
        cells.add(
                new Cell(
                        String.format("%7s ", perMinute(row.delivered(), windowSeconds)),
                        Tone.NORMAL));
        cells.add(
                new Cell(
                        String.format("%6d ", row.failed() + row.rejected()),
                        row.failed() + row.rejected() > 0 ? Tone.BAD : Tone.NORMAL));
        cells.add(
                new Cell(
                        String.format("%5d ", row.throttled()),
                        row.throttled() > 0 ? Tone.WARN : Tone.NORMAL));
        cells.add(new Cell(String.format("%6s ", lag(row.lagNowMs())), Tone.NORMAL));
        boolean wide = width >= WIDE;
        if (wide) {
            cells.add(new Cell(String.format("%6s ", lag(row.lagMs())), Tone.DIM));
        }
        cells.add(
                new Cell(
                        String.format(
                                "%6s ",
                                row.notOkSince() == null
                                        ? "-"
                                        : humanDuration(Duration.between(row.notOkSince(), now))),
                        row.notOkSince() == null ? Tone.DIM : Tone.WARN));
        if (wide) {
            cells.add(new Cell(Canvas.fit(ago(row.lastDeliveryAt(), now), 8) + " ", Tone.DIM));
        }
        if (row.classWide()) {
            cells.add(new Cell("class-wide: see the banner", Tone.DIM));
        } else {
            cells.add(new Cell(row.lastError() == null ? "" : oneLine(row.lastError()), Tone.BAD));
        }
        return cells;
    }

    static String perMinute(long count, int windowSeconds) {
        double minutes = Math.max(1, windowSeconds) / 60.0;
        double rate = count / minutes;
        return rate >= 100 ? String.format("%.0f", rate) : String.format("%.1f", rate);
    }

    static String lag(Long millis) {
        if (millis == null) {
            return "-";
        }
        return millis < 1000 ? millis + "ms" : humanDuration(Duration.ofMillis(millis));
    }

    static String ago(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        Duration since = Duration.between(at, now);
        return since.isNegative() ? "now" : humanDuration(since) + " ago";
    }

    static String humanDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String line(int width, String... parts) {
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            line.append(part);
            if (!part.equals("  ")) {
                line.append(' ');
            }
        }
        return line.toString();
    }
}
