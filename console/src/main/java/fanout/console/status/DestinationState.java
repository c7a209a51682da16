package fanout.console.status;

/**
 * A destination's state over the status window, in order of precedence (see {@code StateRules}).
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
