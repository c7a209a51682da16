package fanout.console.sandbox;

/**
 * Decides which entries of a call a throttled stream refuses: exactly {@code share} of them over
 * time, spread evenly (an error accumulator carried across calls), so a test knows what to expect
 * and a retry of the refused entries is partly refused again, as a hot shard would.
 */
final class ThrottleSchedule {
    private final double share;
    private double owed;

    ThrottleSchedule(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("throttle share must be within 0..1, not " + share);
        }
        this.share = share;
    }

    /** For each of {@code count} entries, in order: true when that entry is refused. */
    synchronized boolean[] next(int count) {
        boolean[] refused = new boolean[count];
        for (int i = 0; i < count; i++) {
            owed += share;
            if (owed >= 1 - 1e-9) {
                owed -= 1;
                refused[i] = true;
            }
        }
        return refused;
    }
}
