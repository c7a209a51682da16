package fanout.console.tui;

import fanout.console.tui.setup.SetupSteps;
import fanout.console.tui.setup.Step;
import fanout.console.tui.setup.StepStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Setup steps over an in-memory installation: running a step makes it done. */
public final class FakeSetupSteps implements SetupSteps {
    public final Map<Step, StepStatus.State> states = new EnumMap<>(Step.class);
    public final List<String> runs = new ArrayList<>();

    /** How a step's run ends, when not simply "done"; its state follows the outcome. */
    public final Map<Step, Outcome> outcomes = new EnumMap<>(Step.class);

    /** What inspect says about a step, when not the default. */
    public final Map<Step, String> details = new EnumMap<>(Step.class);

    /** When set, a run reports its first line then waits here (tests release it). */
    public Callable<Outcome> blocking;

    public FakeSetupSteps() {
        for (Step step : Step.values()) {
            states.put(step, StepStatus.State.PENDING);
        }
    }

    @Override
    public List<StepStatus> inspect() {
        List<StepStatus> statuses = new ArrayList<>();
        states.forEach(
                (step, state) ->
                        statuses.add(
                                new StepStatus(
                                        step,
                                        state,
                                        details.getOrDefault(
                                                step,
                                                state == StepStatus.State.DONE
                                                        ? step.label() + " found"
                                                        : ""),
                                        state == StepStatus.State.FAILED
                                                        || state == StepStatus.State.WARNED
                                                ? "run it again"
                                                : "")));
        return statuses;
    }

    @Override
    public Outcome run(Step step, Consumer<String> progress, BooleanSupplier cancelled)
            throws Exception {
        runs.add(step.name());
        progress.accept("creating " + step.label().toLowerCase() + " resources");
        if (blocking != null) {
            return blocking.call();
        }
        progress.accept(step.label() + " ready");
        Outcome outcome =
                outcomes.getOrDefault(step, new Outcome(true, step.label() + " done", ""));
        states.put(
                step,
                outcome.warned()
                        ? StepStatus.State.WARNED
                        : outcome.ok() ? StepStatus.State.DONE : StepStatus.State.FAILED);
        return outcome;
    }

    @Override
    public Outcome undo(Step step, Consumer<String> progress, BooleanSupplier cancelled) {
        runs.add("undo " + step.name());
        states.put(step, StepStatus.State.PENDING);
        return new Outcome(true, "undone " + step.label(), "");
    }
}
