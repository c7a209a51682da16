package fanout.console.tui.setup;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Problem;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checklist. States come from {@link SetupSteps#inspect()} every time the view is shown, so
 * reopening the console shows the truth; a step runs in the background with its progress shown line
 * by line, and ctrl-c cancels it.
 */
public final class SetupView implements View {
    /** Progress lines kept on screen; older ones scroll away. */
    static final int PROGRESS_LINES = 200;

    private final ViewContext context;
    private final SetupSteps steps;
    private final List<String> progress = new ArrayList<>();
    private List<StepStatus> statuses = List.of();
    private int selected;
    private Step running;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private int generation;

    /**
     * Where the next inspection should look for the step to select (the first one not done from
     * here on), or -1 to keep the selection. Set when a step succeeds or its view is left.
     */
    private int advanceFrom = -1;

    public SetupView(ViewContext context, SetupSteps steps) {
        this.context = context;
        this.steps = steps;
    }

    @Override
    public String title() {
        return "Setup checklist";
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(
                KeyBinding.write(
                        Key.of(KeyType.Enter),
                        "run step",
                        "run the selected step (safe to run again)",
                        this::runSelected),
                KeyBinding.read(
                        Key.of(KeyType.ArrowDown), "", "select the next step", () -> move(1)),
                KeyBinding.read(
                        Key.of(KeyType.ArrowUp), "", "select the previous step", () -> move(-1)),
                KeyBinding.read(
                        Key.of('r'), "recheck", "look at the installation again", this::inspect),
                KeyBinding.read(
                        Key.of('d'),
                        "dashboard",
                        "open the live dashboard",
                        () -> context.open("dashboard")),
                KeyBinding.dangerous(
                        Key.of('U'),
                        "",
                        "unhook the source stream (stops forwarding)",
                        () -> undo(Step.HOOK, "unhook")),
                KeyBinding.dangerous(
                        Key.of('X'),
                        "",
                        "destroy the function, tables and role",
                        () -> undo(Step.DEPLOY, "destroy")));
    }

    @Override
    public void shown() {
        inspect();
    }

    Step selectedStep() {
        return Step.values()[selected];
    }

    List<StepStatus> statuses() {
        return statuses;
    }

    private void move(int by) {
        selected = Math.max(0, Math.min(Step.values().length - 1, selected + by));
    }

    private void inspect() {
        // Taken now, so an inspection already in flight does not use up the move.
        int from = advanceFrom;
        advanceFrom = -1;
        context.fetch(
                "inspect setup",
                steps::inspect,
                found -> inspected(found, from),
                error ->
                        context.status(
                                "could not inspect: " + error.reason() + " " + error.hint(),
                                Tone.BAD));
    }

    private void inspected(List<StepStatus> found, int from) {
        boolean first = statuses.isEmpty();
        statuses = List.copyOf(found);
        if (first) {
            // Reopening the console picks up where the class stands: on the first step not done.
            selected = nextUnsettled(0);
        } else if (from >= 0) {
            selected = nextUnsettled(from);
        }
    }

    /**
     * The first step from {@code from} on that is not done, so enter walks the whole list; the last
     * step when all are done (enter on a done hook opens the dashboard).
     */
    private int nextUnsettled(int from) {
        for (int index = from; index < Step.values().length; index++) {
            if (!state(Step.values()[index]).settled()) {
                return index;
            }
        }
        return Step.values().length - 1;
    }

    private void runSelected() {
        Step step = selectedStep();
        if (running != null) {
            context.status(running.label() + " is still running; ctrl-c cancels it", Tone.WARN);
            return;
        }
        if (step == Step.ROSTER || step == Step.HANDOUT) {
            // Back from its view (esc), the checklist moves on if the step got done there.
            advanceFrom = step.ordinal();
            context.open(step == Step.ROSTER ? "roster" : "handout");
        } else if (step == Step.HOOK && state(Step.HOOK) == StepStatus.State.DONE) {
            context.open("dashboard");
        } else {
            start(step, step.label(), false);
        }
    }

    private void undo(Step step, String word) {
        context.confirm(
                word
                        + " "
                        + (step == Step.HOOK ? "the source stream" : "the whole installation")
                        + "?",
                word,
                () -> start(step, word, true));
    }

    private void start(Step step, String label, boolean undo) {
        running = step;
        int run = ++generation;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        progress.clear();
        progress.add(label + "...");
        context.onInterrupt(() -> cancel(label, stop));
        context.fetch(
                label,
                () ->
                        undo
                                ? steps.undo(step, line -> report(run, line), stop::get)
                                : steps.run(step, line -> report(run, line), stop::get),
                outcome -> finished(run, step, outcome),
                error -> failed(run, label, error));
    }

    private void report(int run, String line) {
        context.post(
                () -> {
                    if (run == generation) {
                        progress.add(line);
                        if (progress.size() > PROGRESS_LINES) {
                            progress.remove(0);
                        }
                    }
                });
    }

    private void cancel(String label, AtomicBoolean stop) {
        stop.set(true);
        generation++;
        running = null;
        progress.add("cancelled by ctrl-c; " + label + " stops at its next safe point");
        context.status(
                label + " cancelled; run it again to finish (it is safe to repeat)", Tone.WARN);
        inspect();
    }

    private void finished(int run, Step step, SetupSteps.Outcome outcome) {
        if (run != generation) {
            return;
        }
        running = null;
        context.onInterrupt(null);
        progress.add(outcome.summary());
        if (!outcome.fix().isEmpty()) {
            progress.add("fix: " + outcome.fix());
        }
        context.status(
                outcome.summary(),
                outcome.warned() ? Tone.WARN : outcome.ok() ? Tone.GOOD : Tone.BAD);
        // A failed step keeps the selection, so enter retries it.
        if (outcome.ok() && step.ordinal() == selected) {
            advanceFrom = step.ordinal() + 1;
        }
        inspect();
    }

    private void failed(int run, String label, Problem error) {
        if (run != generation) {
            return;
        }
        running = null;
        context.onInterrupt(null);
        String hint = error.hint();
        progress.add(label + " failed: " + error.reason());
        if (!hint.isEmpty()) {
            progress.add("fix: " + hint);
        }
        context.status(label + " failed; enter retries", Tone.BAD);
        inspect();
    }

    private StepStatus.State state(Step step) {
        for (StepStatus status : statuses) {
            if (status.step() == step) {
                return status.state();
            }
        }
        return StepStatus.State.PENDING;
    }

    @Override
    public void render(Canvas canvas) {
        new SetupRender(statuses, selected, running, progress).render(canvas);
    }
}
