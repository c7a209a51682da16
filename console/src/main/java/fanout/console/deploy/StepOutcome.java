package fanout.console.deploy;

import java.util.Objects;

/** What a deploy step did (or, in a dry run, would do). */
public sealed interface StepOutcome {
    String detail();

    /** True when the step changed (or would change) something in AWS. */
    default boolean changes() {
        return this instanceof Created || this instanceof Updated || this instanceof Planned;
    }

    record Created(String detail) implements StepOutcome {
        public Created {
            Objects.requireNonNull(detail, "detail");
        }
    }

    record Updated(String detail) implements StepOutcome {
        public Updated {
            Objects.requireNonNull(detail, "detail");
        }
    }

    record UpToDate(String detail) implements StepOutcome {
        public UpToDate {
            Objects.requireNonNull(detail, "detail");
        }
    }

    record Skipped(String detail) implements StepOutcome {
        public Skipped {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Dry run: what the step would do. */
    record Planned(String detail) implements StepOutcome {
        public Planned {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
