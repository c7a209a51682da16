package fanout.console.tui.setup;

import fanout.console.tui.Canvas;
import fanout.console.tui.Palette;
import fanout.console.tui.Tone;
import java.util.List;
import java.util.Map;

/** Draws the checklist (one line per step, its detail and fix) and the progress of the last run. */
record SetupRender(List<StepStatus> statuses, int selected, Step running, List<String> progress) {
    /** What a step's state looks like; a pending step is plain. */
    private static final Map<StepStatus.State, Tone> TONES =
            Map.of(
                    StepStatus.State.DONE, Tone.GOOD,
                    StepStatus.State.WARNED, Tone.WARN,
                    StepStatus.State.FAILED, Tone.BAD);

    void render(Canvas canvas) {
        Palette palette = canvas.palette();
        int line = 1;
        for (Step step : Step.values()) {
            StepStatus status = find(step);
            boolean isRunning = step == running;
            StepStatus.State state = status == null ? StepStatus.State.PENDING : status.state();
            String mark =
                    state == StepStatus.State.WARNED && !isRunning
                            ? palette.warnedMark()
                            : palette.mark(
                                    state == StepStatus.State.DONE,
                                    state == StepStatus.State.FAILED,
                                    isRunning);
            String word = isRunning ? "running" : state.name().toLowerCase(java.util.Locale.ROOT);
            Tone tone = isRunning ? Tone.INFO : toneOf(state);
            boolean isSelected = step.ordinal() == selected;
            if (isSelected) {
                canvas.fill(line, Tone.SELECTED);
            }
            String text =
                    String.format(
                            " %d. %s %-8s %-8s %s",
                            step.ordinal() + 1,
                            mark,
                            step.label(),
                            word,
                            status == null || status.detail().isEmpty()
                                    ? step.purpose()
                                    : status.detail());
            canvas.text(1, line++, text, isSelected ? Tone.SELECTED : tone);
            boolean needsFix = state == StepStatus.State.FAILED || state == StepStatus.State.WARNED;
            if (status != null && !status.fix().isEmpty() && needsFix) {
                canvas.text(18, line++, "fix: " + status.fix(), Tone.INFO);
            }
        }
        line++;
        canvas.text(1, line++, "progress", Tone.HEADER);
        List<String> wrapped = new java.util.ArrayList<>();
        for (String text : progress) {
            wrapped.addAll(Canvas.wrap(text, canvas.width() - 3));
        }
        int room = canvas.height() - line;
        int first = Math.max(0, wrapped.size() - room);
        for (int i = first; i < wrapped.size() && line < canvas.height(); i++) {
            canvas.text(2, line++, wrapped.get(i), Tone.NORMAL);
        }
    }

    private StepStatus find(Step step) {
        for (StepStatus status : statuses) {
            if (status.step() == step) {
                return status;
            }
        }
        return null;
    }

    private static Tone toneOf(StepStatus.State state) {
        return TONES.getOrDefault(state, Tone.NORMAL);
    }
}
