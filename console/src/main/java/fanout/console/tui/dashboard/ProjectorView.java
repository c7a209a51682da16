package fanout.console.tui.dashboard;

import fanout.console.status.ClassCause;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.Canvas;
import fanout.console.tui.Palette;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Projector mode: read-only large tiles for the room, one per student with its id and state, and
 * the class's progress ("41/50 receiving"). No names and no key hints; esc goes back.
 */
public final class ProjectorView implements View {
    private final ViewContext context;
    private final StatusFeed feed;
    private final Duration interval;
    private StatusSnapshot snapshot;
    private boolean fetching;

    public ProjectorView(
            ViewContext context, StatusFeed feed, Duration interval, StatusSnapshot first) {
        this.context = context;
        this.feed = feed;
        this.interval = interval;
        this.snapshot = first;
    }

    @Override
    public String title() {
        return "Projector";
    }

    @Override
    public boolean showsHints() {
        return false;
    }

    @Override
    public Optional<Duration> pollInterval() {
        return Optional.of(interval);
    }

    @Override
    public void poll() {
        if (fetching) {
            return;
        }
        fetching = true;
        context.fetch(
                "status snapshot",
                feed::snapshot,
                next -> {
                    fetching = false;
                    snapshot = next;
                },
                error -> fetching = false);
    }

    @Override
    public void render(Canvas canvas) {
        if (snapshot == null) {
            canvas.text(1, 0, "loading...", Tone.DIM);
            return;
        }
        List<DestinationStatus> rows = ProjectorTiles.ordered(snapshot.destinations());
        canvas.text(1, 0, ProjectorTiles.progress(rows), Tone.HEADER);
        int top = 1;
        for (ClassCause cause : snapshot.classDiagnosis()) {
            canvas.text(1, top++, cause.headline(), Tone.WARN);
        }
        Canvas tiles = canvas.rows(top + 1, canvas.height() - top - 1);
        if (ProjectorTiles.boxed(rows.size(), tiles.width(), tiles.height())) {
            boxes(tiles, rows);
        } else {
            lines(tiles, rows);
        }
    }

    private static void boxes(Canvas canvas, List<DestinationStatus> rows) {
        Palette palette = canvas.palette();
        int perRow = Math.max(1, canvas.width() / ProjectorTiles.TILE_WIDTH);
        String horizontal =
                (palette.colourful() ? "\u2500" : "-").repeat(ProjectorTiles.TILE_WIDTH - 2);
        String side = palette.colourful() ? "\u2502" : "|";
        String[] corners =
                palette.colourful()
                        ? new String[] {"\u250c", "\u2510", "\u2514", "\u2518"}
                        : new String[] {"+", "+", "+", "+"};
        for (int i = 0; i < rows.size(); i++) {
            DestinationStatus row = rows.get(i);
            int x = (i % perRow) * ProjectorTiles.TILE_WIDTH;
            int y = (i / perRow) * ProjectorTiles.TILE_HEIGHT;
            Tone tone = palette.tone(row.state());
            int inside = ProjectorTiles.TILE_WIDTH - 2;
            canvas.text(x, y, corners[0] + horizontal + corners[1], tone);
            canvas.text(x, y + 1, side + Canvas.fit(" " + row.id(), inside) + side, tone);
            canvas.text(
                    x,
                    y + 2,
                    side
                            + Canvas.fit(
                                    " " + palette.symbol(row.state()) + " " + row.state(), inside)
                            + side,
                    tone);
            canvas.text(x, y + 3, corners[2] + horizontal + corners[3], tone);
        }
    }

    private static void lines(Canvas canvas, List<DestinationStatus> rows) {
        Palette palette = canvas.palette();
        int width = 16;
        int perRow = Math.max(1, canvas.width() / width);
        for (int i = 0; i < rows.size(); i++) {
            DestinationStatus row = rows.get(i);
            canvas.text(
                    (i % perRow) * width,
                    i / perRow,
                    Canvas.fit(
                            row.id() + " " + palette.symbol(row.state()) + " " + row.state(),
                            width - 1),
                    palette.tone(row.state()));
        }
    }
}
