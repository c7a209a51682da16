package fanout.console.tui.dashboard;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row per destination, worst first. Polls the status feed while on top ({@link
 * DashboardRefresh}: a failed refresh is shown in the status line and the next one backs off); the
 * write keys are {@link DashboardActions}.
 */
public final class DashboardView implements View, View.Filterable {
    private final ViewContext context;
    private final DashboardPorts ports;
    private final DashboardModel model = new DashboardModel();
    private final DashboardRefresh refresh;
    private final DashboardActions actions;

    public DashboardView(ViewContext context, DashboardPorts ports, Duration interval) {
        this.context = context;
        this.ports = ports;
        this.refresh = new DashboardRefresh(context, ports.feed(), model, interval);
        this.actions = new DashboardActions(context, model, ports.actions());
    }

    DashboardModel model() {
        return model;
    }

    public Duration interval() {
        return refresh.interval();
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public List<KeyBinding> bindings() {
        List<KeyBinding> keys = new ArrayList<>();
        keys.add(
                KeyBinding.read(
                        Key.of(KeyType.Enter),
                        "detail",
                        "show the selected destination's detail",
                        this::detail));
        keys.add(
                KeyBinding.read(
                        Key.of(KeyType.ArrowDown), "", "select the next row", () -> model.move(1)));
        keys.add(
                KeyBinding.read(
                        Key.of(KeyType.ArrowUp),
                        "",
                        "select the previous row",
                        () -> model.move(-1)));
        keys.add(KeyBinding.read(Key.of('j'), "", "select the next row", () -> model.move(1)));
        keys.add(KeyBinding.read(Key.of('k'), "", "select the previous row", () -> model.move(-1)));
        keys.add(
                KeyBinding.read(
                        Key.of(' '),
                        "mark",
                        "mark or unmark the row for a bulk action",
                        model::toggleMark));
        keys.add(
                KeyBinding.read(
                        Key.ctrl('z'),
                        "faults",
                        "show only faults (ERROR, LAG), or everything",
                        model::toggleFaults));
        keys.add(
                KeyBinding.read(
                        Key.of('s'),
                        "stuck",
                        "sort by who is stuck longest, grouped by helper (the next desk to"
                                + " visit), or worst first again",
                        model::toggleStuck));
        keys.add(KeyBinding.read(Key.of('r'), "refresh", "refresh now", refresh::now));
        keys.add(
                KeyBinding.write(
                        Key.of('t'),
                        "probe",
                        "send a probe to the marked students (or everyone) and show each round"
                                + " trip",
                        this::probe));
        keys.add(
                KeyBinding.read(
                        Key.of('P'),
                        "projector",
                        "projector mode: large tiles for the room, no names (esc returns)",
                        this::projector));
        keys.add(KeyBinding.read(Key.of('+'), "", "refresh less often (cheaper)", refresh::slower));
        keys.add(
                KeyBinding.read(
                        Key.of('-'),
                        "",
                        "refresh more often: shows what it costs first, press again to switch",
                        refresh::faster));
        keys.add(
                KeyBinding.write(
                        Key.of('a'),
                        "activate",
                        "activate the marked destinations",
                        () -> actions.bulk(DashboardActions.Bulk.ACTIVATE)));
        keys.add(
                KeyBinding.dangerous(
                        Key.of('d'),
                        "deactivate",
                        "deactivate the marked destinations",
                        () -> actions.bulk(DashboardActions.Bulk.DEACTIVATE)));
        keys.add(
                KeyBinding.write(
                        Key.of('c'),
                        "check",
                        "check the marked destinations' streams and roles",
                        () -> actions.bulk(DashboardActions.Bulk.CHECK)));
        keys.add(
                KeyBinding.write(
                        Key.of('L'),
                        "",
                        "lock or unlock students' self-registration from Slack",
                        actions::toggleRegistrationLock));
        return keys;
    }

    @Override
    public Optional<Duration> pollInterval() {
        return Optional.of(refresh.next());
    }

    @Override
    public void poll() {
        refresh.poll();
    }

    private void probe() {
        List<String> ids = model.marked().isEmpty() ? List.of() : List.copyOf(model.marked());
        Map<String, String> names = new HashMap<>();
        model.snapshot()
                .ifPresent(
                        snapshot ->
                                snapshot.destinations()
                                        .forEach(
                                                row ->
                                                        names.put(
                                                                row.id(),
                                                                row.name() == null
                                                                        ? ""
                                                                        : row.name())));
        model.clearMarks();
        context.push(new ProbeView(context, ports.feed(), ids, names));
    }

    private void projector() {
        context.push(
                new ProjectorView(
                        context, ports.feed(), refresh.interval(), model.snapshot().orElse(null)));
    }

    private void detail() {
        model.selected()
                .ifPresent(
                        row ->
                                context.push(
                                        new DetailView(
                                                context,
                                                ports,
                                                row,
                                                model.windowSeconds(),
                                                model.snapshot()
                                                        .map(StatusSnapshot::classDiagnosis)
                                                        .orElse(List.of()))));
    }

    @Override
    public String filter() {
        return model.filter();
    }

    @Override
    public void filter(String text) {
        model.filter(text);
    }

    @Override
    public String syntax() {
        return RowFilter.SYNTAX;
    }

    @Override
    public Optional<Filterable> filterable() {
        return Optional.of(this);
    }

    @Override
    public void render(Canvas canvas) {
        new DashboardRender(context, model, ports.feed(), refresh.interval()).render(canvas);
    }

    /** Ids of the marked rows, for tests. */
    Set<String> marked() {
        return new LinkedHashSet<>(model.marked());
    }
}
