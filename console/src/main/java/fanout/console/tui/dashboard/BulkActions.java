package fanout.console.tui.dashboard;

import java.util.List;
import java.util.Objects;

/** What the dashboard does to marked destinations. */
public interface BulkActions {
    Result activate(List<String> ids) throws Exception;

    Result deactivate(List<String> ids) throws Exception;

    Result check(List<String> ids) throws Exception;

    /** How a bulk action went, in words, with one line per destination that did not make it. */
    record Result(String summary, List<String> problems) {
        public Result {
            Objects.requireNonNull(summary, "summary is required");
            problems = List.copyOf(problems);
        }
    }
}
