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
            case LAG:
                return 1;
            case WAITING:
                return 2;
            case INACTIVE:
                return 3;
            case IDLE:
                return 4;
            default:
                return 5;
        }
    }

    /** Faults: what {@code ctrl-z} keeps. */
    static boolean fault(DestinationState state) {
        return state == DestinationState.ERROR || state == DestinationState.LAG;
    }
}
