package fanout.console.tui.setup;

import java.util.Objects;

/**
 * Where one step stands, computed from the real installation (not from what this console did).
 *
 * @param detail what was found, e.g. "24 of 25 active"
 * @param fix what to do when failed or warned, empty otherwise
 */
public record StepStatus(Step step, State state, String detail, String fix) {
    /**
     * A step is done, done with warnings (some students need a fix, nothing is blocked), failed or
     * still to do.
     */
    public enum State {
        DONE,
        WARNED,
        FAILED,
        PENDING;

        /** Done, or done with warnings: the checklist moves past it. */
        public boolean settled() {
            return this == DONE || this == WARNED;
        }
    }

    public StepStatus {
        Objects.requireNonNull(step, "step is required");
        Objects.requireNonNull(state, "state is required");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }
}
