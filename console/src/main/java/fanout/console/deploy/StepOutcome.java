package fanout.console.deploy;

import java.util.Locale;
import java.util.Objects;

/**
 * What a deploy step did (or, in a dry run, would do): one of five kinds and the words saying what
 * it touched.
 */
public record StepOutcome(Kind kind, String detail) {

    public StepOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of outcome, each with the word the CLI prints and whether AWS (would) change. */
    public enum Kind {
        CREATED(true),
        UPDATED(true),
        UP_TO_DATE(false),
        SKIPPED(false),
        /** Dry run: what the step would do. */
        PLANNED(true);

        private final boolean changes;

        Kind(boolean changes) {
            this.changes = changes;
        }

        /** The printed name: {@code created}, {@code up to date}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** True when the step changed (or would change) something in AWS. */
    public boolean changes() {
        return kind.changes;
    }
}
