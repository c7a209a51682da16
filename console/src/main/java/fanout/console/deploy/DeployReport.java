package fanout.console.deploy;

import java.util.List;
import java.util.Objects;

/** What a deploy did, step by step; {@link #changed()} is false for a no-op re-run. */
public record DeployReport(DeployPlan plan, List<StepResult> steps, boolean dryRun) {
    public DeployReport {
        Objects.requireNonNull(plan, "plan");
        steps = List.copyOf(steps);
    }

    public boolean changed() {
        return steps.stream().anyMatch(step -> step.outcome().changes());
    }

    /** One step's outcome. */
    public record StepResult(DeployStep step, StepOutcome outcome) {
        public StepResult {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
