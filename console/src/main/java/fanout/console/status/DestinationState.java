package fanout.console.status;

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
    IDLE
}
