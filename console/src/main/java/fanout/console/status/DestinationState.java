package fanout.console.status;

import java.util.List;

/**
 * A destination's state now, in order of precedence (see {@code StateRules}). BEHIND (catching up
 * from the source at its checkpoint, design.md) has its place between ERROR and LAG; the rule that
 * gives it comes with the forwarder's catch-up.
 */
public enum DestinationState {
    INACTIVE,
    ERROR,
    BEHIND,
    WAITING,
    LAG,
    OK,
    IDLE;

    /**
     * The one order of states for people, worst first (what needs the leader's attention): {@code
     * status}, the dashboard's rows and its legend all use it. A deactivated student comes last.
     */
    public static final List<DestinationState> WORST_FIRST =
            List.of(ERROR, BEHIND, LAG, WAITING, OK, IDLE, INACTIVE);

    /** This state's place in {@link #WORST_FIRST}: 0 is the worst. */
    public int severity() {
        return WORST_FIRST.indexOf(this);
    }

    /** A fault the leader acts on (the dashboard's faults-only filter keeps these). */
    public boolean fault() {
        return this == ERROR || this == BEHIND || this == LAG;
    }
}
