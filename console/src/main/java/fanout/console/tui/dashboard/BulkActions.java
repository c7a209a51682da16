package fanout.console.tui.dashboard;

import java.util.List;
import java.util.Objects;

/** What the dashboard does to marked destinations. */
public interface BulkActions {
    Result activate(List<String> ids) throws Exception;

    Result deactivate(List<String> ids) throws Exception;

    Result check(List<String> ids) throws Exception;

    /** The fields of a row a leader fixes by hand when a student mistyped them. */
    record RowFields(String id, String role, String destination) {
        public RowFields {
            Objects.requireNonNull(id, "id is required");
        }
    }

    /** The row as registered, to edit in place. */
    default RowFields row(String id) throws Exception {
        throw new UnsupportedOperationException("editing rows is not available here");
    }

    /** Writes an edited row through the mapping service, as {@code fanout update} does. */
    default Result edit(RowFields row) throws Exception {
        throw new UnsupportedOperationException("editing rows is not available here");
    }

    /**
     * Locks self-registration from Slack when it is open, opens it when locked; the summary says
     * which it is now.
     */
    default Result toggleRegistrationLock() throws Exception {
        throw new UnsupportedOperationException("self-registration is not available here");
    }

    /** How a bulk action went, in words, with one line per destination that did not make it. */
    record Result(String summary, List<String> problems) {
        public Result {
            Objects.requireNonNull(summary, "summary is required");
            problems = List.copyOf(problems);
        }

        /** The summary, then the problems after a colon: a status line, a session log entry. */
        public String line() {
            return summary + (problems.isEmpty() ? "" : ": " + String.join("; ", problems));
        }
    }
}
