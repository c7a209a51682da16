package fanout.console.tui.dashboard;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.Canvas;
import fanout.console.tui.ConsoleOptions;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Problem;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import fanout.time.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One row per destination, worst first. Polls the status feed while on top; a failed refresh is
 * shown in the status line and the next one backs off.
 */
public final class DashboardView implements View, View.Filterable {
    /** Refreshes back off up to this after repeated failures (throttling, network). */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    static final Duration STEP = Duration.ofSeconds(10);

    /** Hours in an average month: what a refresh left running all month costs. */
    static final double HOURS_PER_MONTH = 730;

    private final ViewContext context;
    private final StatusFeed feed;
    private final BulkActions actions;
    private final FixCopy copy;
    private final DashboardModel model = new DashboardModel();
    private Duration interval;

    /** A faster interval whose cost was shown; the same key again switches to it. */
    private Duration proposed;

    private int failures;
    private boolean fetching;
    private boolean restoreTried;

    public DashboardView(
            ViewContext context, StatusFeed feed, BulkActions actions, Duration interval) {
        this(context, feed, actions, interval, FixCopy.standard(java.nio.file.Path.of(".")));
    }

    public DashboardView(
            ViewContext context,
            StatusFeed feed,
            BulkActions actions,
            Duration interval,
            FixCopy copy) {
        this.context = context;
        this.feed = feed;
        this.actions = actions;
        this.interval = interval;
        this.copy = copy;
    }

    DashboardModel model() {
        return model;
    }

    public Duration interval() {
        return interval;
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
        keys.add(KeyBinding.read(Key.of('r'), "refresh", "refresh now", this::refreshNow));
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
        keys.add(KeyBinding.read(Key.of('+'), "", "refresh less often (cheaper)", this::slower));
        keys.add(
                KeyBinding.read(
                        Key.of('-'),
                        "",
                        "refresh more often: shows what it costs first, press again to switch",
                        this::faster));
        keys.add(
                KeyBinding.write(
                        Key.of('a'),
                        "activate",
                        "activate the marked destinations",
                        () -> bulk("activate")));
        keys.add(
                KeyBinding.dangerous(
                        Key.of('d'),
                        "deactivate",
                        "deactivate the marked destinations",
                        () -> bulk("deactivate")));
        keys.add(
                KeyBinding.write(
                        Key.of('c'),
                        "check",
                        "check the marked destinations' streams and roles",
                        () -> bulk("check")));
        keys.add(
                KeyBinding.write(
                        Key.of('L'),
                        "",
                        "lock or unlock students' self-registration from Slack",
                        this::toggleRegistrationLock));
        return keys;
    }

    @Override
    public Optional<Duration> pollInterval() {
        return Optional.of(refreshAfter(interval, failures));
    }

    /**
     * The wait after {@code failures} failed refreshes in a row: doubling per failure, six times at
     * most, and never past {@link #MAX_BACKOFF}.
     */
    static Duration refreshAfter(Duration interval, int failures) {
        if (failures == 0) {
            return interval;
        }
        Duration backedOff = new Backoff(interval, interval.multipliedBy(64)).delay(failures);
        return backedOff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backedOff;
    }

    @Override
    public void poll() {
        if (!restoreTried) {
            restoreTried = true;
            context.fetch(
                    "restore the class from the session log",
                    feed::restored,
                    restored ->
                            restored.ifPresent(
                                    snapshot -> {
                                        if (model.snapshot().isEmpty()) {
                                            model.apply(snapshot);
                                            context.status(
                                                    String.join("; ", snapshot.problems()),
                                                    Tone.INFO);
                                        }
                                    }),
                    error -> context.status("session log not read: " + error.reason(), Tone.WARN));
        }
        if (fetching) {
            return;
        }
        fetching = true;
        context.fetch("status snapshot", feed::snapshot, this::applied, this::failed);
    }

    private void applied(StatusSnapshot snapshot) {
        fetching = false;
        boolean recovered = failures > 0;
        failures = 0;
        model.apply(snapshot);
        if (!snapshot.problems().isEmpty()) {
            context.status(String.join("; ", snapshot.problems()), Tone.WARN);
        } else if (recovered) {
            context.status("refreshed", Tone.DIM);
        }
    }

    private void failed(Problem error) {
        fetching = false;
        failures++;
        String hint = error.hint();
        context.status(
                "refresh failed (next try in "
                        + pollInterval().orElseThrow().toSeconds()
                        + " s): "
                        + error.reason()
                        + (hint.isEmpty() ? "" : " - " + hint),
                Tone.BAD);
    }

    private void probe() {
        List<String> ids = model.marked().isEmpty() ? List.of() : List.copyOf(model.marked());
        java.util.Map<String, String> names = new java.util.HashMap<>();
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
        context.push(new ProbeView(context, feed, ids, names));
    }

    private void projector() {
        context.push(new ProjectorView(context, feed, interval, model.snapshot().orElse(null)));
    }

    private void refreshNow() {
        feed.refreshFacts();
        context.pollNow();
    }

    private void slower() {
        proposed = null;
        interval = interval.plus(STEP);
        context.status("refresh " + cost(interval), Tone.INFO);
    }

    /**
     * A faster refresh costs more GetMetricData: the first press shows what, for this class, and
     * the second switches.
     */
    private void faster() {
        Duration floor = ConsoleOptions.minimumRefresh(context.sandbox());
        Duration next = interval.minus(STEP);
        next = next.compareTo(floor) < 0 ? floor : next;
        if (next.equals(interval)) {
            proposed = null;
            context.status(
                    "refresh every "
                            + interval.toSeconds()
                            + " s is the fastest: the metrics are read per 10 s",
                    Tone.INFO);
        } else if (next.equals(proposed)) {
            proposed = null;
            interval = next;
            context.status("refresh " + cost(interval), Tone.INFO);
        } else {
            proposed = next;
            context.status("refresh " + cost(next) + ": press - again", Tone.WARN);
        }
    }

    /** "every 10 s: ~$0.175/h (~$128/month) in CloudWatch", short enough for 80 columns. */
    private String cost(Duration every) {
        double perHour = feed.costPerHour(model.total(), every);
        return String.format(
                java.util.Locale.ROOT,
                "every %d s: ~$%.3f/h (~$%.0f/month) in CloudWatch%s",
                every.toSeconds(),
                perHour,
                perHour * HOURS_PER_MONTH,
                context.sandbox() ? " on AWS" : "");
    }

    private void detail() {
        model.selected()
                .ifPresent(
                        row ->
                                context.push(
                                        new DetailView(
                                                context,
                                                feed,
                                                row,
                                                model.windowSeconds(),
                                                model.snapshot()
                                                        .map(StatusSnapshot::classDiagnosis)
                                                        .orElse(List.of()),
                                                copy,
                                                actions)));
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

    private void bulk(String action) {
        List<String> ids = model.targets();
        if (ids.isEmpty()) {
            context.status("nothing to " + action + ": mark rows with space", Tone.WARN);
            return;
        }
        boolean everyone = ids.size() == model.total() && ids.size() > 1;
        String word = action.equals("deactivate") && everyone ? "deactivate" : "y";
        String question =
                capitalised(action)
                        + " "
                        + ids.size()
                        + " destination"
                        + (ids.size() == 1 ? "" : "s")
                        + (everyone ? " (the whole class)" : "")
                        + "?";
        context.confirm(question, word, () -> runBulk(action, ids));
    }

    private void runBulk(String action, List<String> ids) {
        context.status(action + " " + ids.size() + " destinations...", Tone.INFO);
        context.fetch(
                action + " " + ids.size(),
                () -> {
                    switch (action) {
                        case "activate":
                            return actions.activate(ids);
                        case "deactivate":
                            return actions.deactivate(ids);
                        default:
                            return actions.check(ids);
                    }
                },
                result -> {
                    model.clearMarks();
                    context.status(
                            result.summary()
                                    + (result.problems().isEmpty()
                                            ? ""
                                            : ": " + String.join("; ", result.problems())),
                            result.problems().isEmpty() ? Tone.GOOD : Tone.WARN);
                    context.pollNow();
                },
                error -> context.status(action + " failed: " + error.reason(), Tone.BAD));
    }

    private void toggleRegistrationLock() {
        context.fetch(
                "self-registration lock",
                actions::toggleRegistrationLock,
                result -> context.status(result.summary(), Tone.INFO),
                error ->
                        context.status(
                                "self-registration lock failed: " + error.reason(), Tone.BAD));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    @Override
    public void render(Canvas canvas) {
        new DashboardRender(context, model, feed, interval).render(canvas);
    }

    /** Ids of the marked rows, for tests. */
    Set<String> marked() {
        return new LinkedHashSet<>(model.marked());
    }
}
