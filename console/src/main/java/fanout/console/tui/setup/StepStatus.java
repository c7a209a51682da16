package fanout.console.tui.setup;

import java.util.Objects;

/**
 * Where one step stands, computed from the real installation (not from what this console did).
 *
 * @param detail what was found, e.g. "24 of 25 active"
 * @param fix what to do when failed, empty otherwise
 */
public record StepStatus(Step step, State state, String detail, String fix) {
    /** A step is done, failed or still to do. */
    public enum State {
        DONE,
        FAILED,
        PENDING
    }

    public StepStatus {
        Objects.requireNonNull(step, "step is required");
        Objects.requireNonNull(state, "state is required");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }
}
