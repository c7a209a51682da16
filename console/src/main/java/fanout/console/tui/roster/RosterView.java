package fanout.console.tui.roster;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.LineEditor;
import fanout.console.tui.Scroll;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Roster import in three stages: type the path (tab completes), read the preview of every row with
 * its problems and the diff against the table, confirm to import the valid rows.
 */
public final class RosterView implements View {
    private final ViewContext context;
    private final RosterImport roster;
    private final Path workingDirectory;
    private LineEditor path;
    private RosterImport.Preview preview;
    private RosterImport.Summary summary;
    private final Scroll scroll = new Scroll(this::lines);

    public RosterView(ViewContext context, RosterImport roster, Path workingDirectory) {
        this.context = context;
        this.roster = roster;
        this.workingDirectory = workingDirectory;
        editPath(roster.defaultRoster().map(Path::toString).orElse(""));
    }

    @Override
    public String title() {
        return "Roster import";
    }

    @Override
    public List<KeyBinding> bindings() {
        List<KeyBinding> keys = new ArrayList<>();
        if (path != null) {
            keys.add(
                    KeyBinding.read(
                            Key.of(KeyType.Enter),
                            "preview",
                            "read and check the roster",
                            () -> {}));
            keys.add(
                    KeyBinding.read(
                            Key.of(KeyType.Tab), "complete", "complete the path", () -> {}));
            return keys;
        }
        keys.add(
                KeyBinding.write(
                        Key.of('i'),
                        "import",
                        "import the valid rows (asks first)",
                        this::confirmImport));
        keys.add(
                KeyBinding.read(
                        Key.of('e'),
                        "edit path",
                        "choose another file",
                        () -> editPath(preview == null ? "" : preview.csv().toString())));
        keys.addAll(scroll.bindings("scroll down", "scroll up"));
        return keys;
    }

    private int lines() {
        return preview == null ? 0 : preview.lines().size();
    }

    private void editPath(String initial) {
        path =
                new LineEditor(
                        "roster CSV: ",
                        initial,
                        typed -> PathCompletion.complete(typed, workingDirectory),
                        null);
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (path == null) {
            return false;
        }
        LineEditor.Result result = path.handle(key);
        if (result == LineEditor.Result.SUBMITTED) {
            load(path.text().trim());
        } else if (result == LineEditor.Result.CANCELLED) {
            if (preview == null) {
                return false;
            }
            path = null;
        }
        return result != LineEditor.Result.IGNORED;
    }

    private void load(String typed) {
        if (typed.isEmpty()) {
            context.status("type the roster's path (tab completes)", Tone.WARN);
            return;
        }
        Path csv = workingDirectory.resolve(typed);
        context.status("reading " + csv.getFileName() + "...", Tone.INFO);
        context.fetch(
                "roster preview",
                () -> roster.preview(csv),
                found -> {
                    preview = found;
                    summary = null;
                    path = null;
                    scroll.reset();
                    context.status(
                            found.count(RosterImport.Change.INVALID) == 0
                                    ? "press i to import"
                                    : "rows with problems will not be imported; fix the CSV and press e, or i to import the rest",
                            Tone.INFO);
                },
                error -> context.status("cannot read " + typed + ": " + error.reason(), Tone.BAD));
    }

    private void confirmImport() {
        long valid =
                preview.count(RosterImport.Change.NEW) + preview.count(RosterImport.Change.CHANGED);
        if (valid == 0) {
            context.status("nothing to import: every valid row is already in the table", Tone.INFO);
            return;
        }
        context.confirm(
                "Import "
                        + valid
                        + " rows ("
                        + preview.count(RosterImport.Change.NEW)
                        + " new, "
                        + preview.count(RosterImport.Change.CHANGED)
                        + " changed)?",
                "y",
                this::apply);
    }

    private void apply() {
        RosterImport.Preview applying = preview;
        context.fetch(
                "roster import",
                () -> roster.apply(applying),
                done -> {
                    summary = done;
                    context.status(
                            String.format(
                                    "imported: %d new, %d updated, %d unchanged, %d rejected; esc returns to the checklist",
                                    done.created(),
                                    done.updated(),
                                    done.unchanged(),
                                    done.rejected()),
                            done.rejected() == 0 ? Tone.GOOD : Tone.WARN);
                },
                error ->
                        context.status(
                                "import failed: " + error.reason() + " " + error.hint(), Tone.BAD));
    }

    @Override
    public void render(Canvas canvas) {
        if (path != null) {
            canvas.text(
                    1,
                    1,
                    "Which roster? One row per student: id, account (or stream and role), name.",
                    Tone.NORMAL);
            path.render(canvas.rows(3, 1), 0, Tone.NORMAL);
            canvas.text(
                    1,
                    5,
                    "tab completes the path; enter previews (nothing is written yet)",
                    Tone.DIM);
            return;
        }
        new RosterRender(preview, summary, scroll.offset()).render(canvas);
    }
}
