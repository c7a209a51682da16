package fanout.console.tui.roster;

import fanout.console.tui.Canvas;
import fanout.console.tui.Tone;
import java.util.Map;

/** Draws a roster preview: counts, file warnings, then one line per row with its problems. */
record RosterRender(RosterImport.Preview preview, RosterImport.Summary summary, int scroll) {
    /** What a row's change looks like; an unchanged row is dimmed. */
    private static final Map<RosterImport.Change, Tone> TONES =
            Map.of(
                    RosterImport.Change.NEW, Tone.GOOD,
                    RosterImport.Change.CHANGED, Tone.WARN,
                    RosterImport.Change.INVALID, Tone.BAD);

    void render(Canvas canvas) {
        int line = 0;
        canvas.text(1, line++, preview.csv().toString(), Tone.HEADER);
        canvas.text(
                1,
                line++,
                String.format(
                        "%d new, %d changed, %d unchanged, %d with problems",
                        preview.count(RosterImport.Change.NEW),
                        preview.count(RosterImport.Change.CHANGED),
                        preview.count(RosterImport.Change.UNCHANGED),
                        preview.count(RosterImport.Change.INVALID)),
                Tone.NORMAL);
        if (summary != null) {
            canvas.text(
                    1,
                    line++,
                    String.format(
                            "imported: %d new, %d updated, %d unchanged, %d rejected",
                            summary.created(),
                            summary.updated(),
                            summary.unchanged(),
                            summary.rejected()),
                    Tone.GOOD);
        }
        for (String warning : preview.warnings()) {
            canvas.text(1, line++, "warning: " + warning, Tone.WARN);
        }
        canvas.text(
                1,
                line++,
                String.format(
                        "%-6s %-6s %-20s %-10s %s", "LINE", "ID", "NAME", "CHANGE", "PROBLEMS"),
                Tone.HEADER);
        for (int i = scroll; i < preview.lines().size() && line < canvas.height(); i++) {
            RosterImport.Line row = preview.lines().get(i);
            String text =
                    String.format(
                            "%-6d %-6s %-20s %-10s %s",
                            row.line(),
                            Canvas.fit(row.id(), 6).trim(),
                            Canvas.fit(row.name(), 20).trim(),
                            row.change(),
                            String.join("; ", row.problems()));
            canvas.text(1, line++, text, toneOf(row.change()));
        }
    }

    private static Tone toneOf(RosterImport.Change change) {
        return TONES.getOrDefault(change, Tone.DIM);
    }
}
