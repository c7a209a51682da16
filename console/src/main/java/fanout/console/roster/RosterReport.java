package fanout.console.roster;

import java.io.PrintWriter;
import java.util.List;

/** Prints a plan for people: problems and warnings on stderr, the diff on stdout. */
final class RosterReport {
    private RosterReport() {}

    static void plan(PrintWriter out, PrintWriter err, RosterPlan plan, boolean prune) {
        for (RosterProblem problem : plan.problems()) {
            err.println(plan.sourceName() + ": " + problem.describe());
        }
        for (String warning : plan.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        for (RosterChange change : plan.of(RosterChange.Kind.NEW)) {
            out.println(
                    "+ "
                            + change.id()
                            + "  "
                            + change.wanted().destination()
                            + " ("
                            + change.wanted().region()
                            + ") as "
                            + change.wanted().role()
                            + name(change.wanted().name()));
        }
        for (RosterChange change : plan.of(RosterChange.Kind.CHANGED)) {
            out.println("~ " + change.id() + "  " + String.join("; ", change.differences()));
        }
        List<RosterChange> removed = plan.of(RosterChange.Kind.REMOVED);
        for (RosterChange change : removed) {
            out.println(
                    (prune ? "- " : "? ") + change.id() + (prune ? "" : "  (not in the roster)"));
        }
        out.println(plan.sourceName() + ": " + plan.summary(prune));
        out.flush();
    }

    /** The plan (and the result, once applied) as one JSON-ready object. */
    static java.util.Map<String, Object> json(RosterPlan plan, ImportResult result, boolean prune) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("file", plan.sourceName());
        json.put("sourceArn", plan.sourceArn());
        json.put("problems", plan.problems());
        json.put("warnings", plan.warnings());
        List<java.util.Map<String, Object>> changes = new java.util.ArrayList<>();
        for (RosterChange change : plan.changes()) {
            if (change.kind() == RosterChange.Kind.UNCHANGED) {
                continue;
            }
            java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("id", change.id());
            entry.put("line", change.line());
            entry.put("differences", change.differences());
            changes.add(entry);
        }
        json.put("changes", changes);
        json.put("summary", plan.summary(prune));
        json.put("result", result);
        return json;
    }

    private static String name(String name) {
        return name == null ? "" : "  " + name;
    }
}
