package fanout.console.tui.setup;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.util.List;

/** The first view: account, region, identity (or SANDBOX), workshop, and what is wrong. */
public final class ConnectView implements View {
    private final ViewContext context;
    private final ConnectionProbe probe;
    private Connection connection;
    private String failure = "";

    public ConnectView(ViewContext context, ConnectionProbe probe) {
        this.context = context;
        this.probe = probe;
    }

    @Override
    public String title() {
        return "Connect";
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(
                KeyBinding.read(
                        Key.of(KeyType.Enter),
                        "setup",
                        "continue to the setup checklist",
                        () -> context.open("setup")),
                KeyBinding.read(
                        Key.of('d'),
                        "dashboard",
                        "go straight to the dashboard",
                        () -> context.open("dashboard")),
                KeyBinding.read(Key.of('r'), "retry", "ask AWS who we are again", this::load));
    }

    @Override
    public void shown() {
        if (connection == null) {
            load();
        }
    }

    private void load() {
        context.fetch(
                "connect",
                probe::connect,
                found -> {
                    connection = found;
                    failure = "";
                },
                error -> failure = "could not connect: " + error.message());
    }

    @Override
    public void render(Canvas canvas) {
        if (connection == null) {
            canvas.text(
                    2,
                    1,
                    failure.isEmpty() ? "connecting..." : failure,
                    failure.isEmpty() ? Tone.DIM : Tone.BAD);
            return;
        }
        int line = 1;
        if (connection.sandbox()) {
            canvas.text(2, line++, " SANDBOX ", Tone.TITLE);
            canvas.text(
                    2, line++, "a local class on this machine: no AWS account is used", Tone.INFO);
            line++;
        }
        line = field(canvas, line, "account", connection.account());
        line = field(canvas, line, "region", connection.region());
        line = field(canvas, line, "identity", connection.identity());
        line = field(canvas, line, "workshop", connection.workshop());
        line = field(canvas, line, "function", connection.function());
        line++;
        if (connection.problems().isEmpty()) {
            canvas.text(2, line++, "ready. press enter to walk the setup checklist.", Tone.GOOD);
            return;
        }
        for (Connection.Problem problem : connection.problems()) {
            for (String part : Canvas.wrap(problem.what(), canvas.width() - 3)) {
                canvas.text(2, line++, part, Tone.BAD);
            }
            if (!problem.fix().isEmpty()) {
                for (String part : Canvas.wrap("fix: " + problem.fix(), canvas.width() - 5)) {
                    canvas.text(4, line++, part, Tone.INFO);
                }
            }
        }
    }

    private static int field(Canvas canvas, int line, String label, String value) {
        canvas.text(2, line, Canvas.fit(label, 10), Tone.DIM);
        canvas.text(13, line, value == null ? "unknown" : value, Tone.NORMAL);
        return line + 1;
    }
}
