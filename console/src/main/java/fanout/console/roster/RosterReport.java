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

    private static String name(String name) {
        return name == null ? "" : "  " + name;
    }
}
