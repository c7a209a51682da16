package fanout.console.tui.setup;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The checklist's port: the truth about each step, and running one. */
public interface SetupSteps {
    /** Each step's state from the installation itself (function exists? mappings? hook?). */
    List<StepStatus> inspect() throws Exception;

    /**
     * Runs a step idempotently, reporting progress line by line. {@code cancelled} turns true when
     * the leader pressed ctrl-c; the step stops at its next safe point. The roster and handout
     * steps have views of their own and are not run through here.
     */
    Outcome run(Step step, Consumer<String> progress, BooleanSupplier cancelled) throws Exception;

    /**
     * Undoes a step: {@link Step#HOOK} unhooks the source, {@link Step#DEPLOY} destroys the
     * installation. Both are dangerous and asked for with a typed confirmation.
     */
    Outcome undo(Step step, Consumer<String> progress, BooleanSupplier cancelled) throws Exception;

    /**
     * How a step run ended. An ok outcome with a fix succeeded with warnings (e.g. a check that
     * found some students broken): the checklist shows the fix and still moves on.
     */
    record Outcome(boolean ok, String summary, String fix) {
        public Outcome {
            Objects.requireNonNull(summary, "summary is required");
            fix = fix == null ? "" : fix;
        }

        /** Succeeded, but something needs the leader's attention. */
        public boolean warned() {
            return ok && !fix.isEmpty();
        }
    }
}
