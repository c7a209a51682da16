package fanout.console.roster;

import java.util.List;

/**
 * What importing a roster would do: the valid rows, every problem and warning, and the diff against
 * the table.
 *
 * @param sourceName where the roster came from (a file name), for messages
 * @param lines how many student lines the file had, valid or not
 */
public record RosterPlan(
        String sourceName,
        String sourceArn,
        int lines,
        List<RosterRow> rows,
        List<RosterProblem> problems,
        List<String> warnings,
        List<RosterChange> changes) {

    public RosterPlan {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
    }

    public List<RosterChange> of(RosterChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Lines with at least one problem (file-level problems count as one). */
    public long invalidLines() {
        return problems.stream().mapToInt(RosterProblem::line).distinct().count();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** "3 new, 1 changed, 8 unchanged" (and removed, when pruning). */
    public String summary(boolean prune) {
        StringBuilder text = new StringBuilder();
        text.append(of(RosterChange.Kind.NEW).size()).append(" new, ");
        text.append(of(RosterChange.Kind.CHANGED).size()).append(" changed, ");
        text.append(of(RosterChange.Kind.UNCHANGED).size()).append(" unchanged");
        int removed = of(RosterChange.Kind.REMOVED).size();
        if (removed > 0) {
            text.append(", ")
                    .append(removed)
                    .append(prune ? " removed" : " not in the roster (kept; --prune removes them)");
        }
        if (hasProblems()) {
            text.append(", ").append(invalidLines()).append(" invalid");
        }
        return text.toString();
    }
}
