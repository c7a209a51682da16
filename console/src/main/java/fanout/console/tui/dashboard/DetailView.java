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
        new DetailRender(row, action(), windowSeconds, history, problem, context.clock().instant())
                .render(canvas);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
