package fanout.console.tui.dashboard;

import fanout.console.status.DestinationState;

/** Worst first: what needs the leader's attention comes to the top. */
final class Severity {
    private Severity() {}

    static int rank(DestinationState state) {
        switch (state) {
            case ERROR:
                return 0;
            case BEHIND:
                return 1;
            case LAG:
                return 2;
            case WAITING:
                return 3;
            case INACTIVE:
                return 4;
            case IDLE:
                return 5;
            default:
                return 6;
        }
    }

    /** Faults: what {@code ctrl-z} keeps. */
    static boolean fault(DestinationState state) {
        return state == DestinationState.ERROR
                || state == DestinationState.BEHIND
                || state == DestinationState.LAG;
    }
}
