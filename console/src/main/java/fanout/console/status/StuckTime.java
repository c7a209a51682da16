package fanout.console.status;

import java.time.Instant;
import java.util.List;

/**
 * Since when a destination has not been OK, from its minutes in the window: the start of the
 * trailing run of complete minutes that were not OK (no deliveries, failures, or a lag beyond the
 * class). Ranks the students by who has waited longest for help.
 */
final class StuckTime {
    private StuckTime() {}

    static Instant notOkSince(
            DestinationState state,
            List<MinuteSample> withData,
            Instant activeSince,
            DestinationRows.Refresh refresh) {
        if (state == DestinationState.OK
                || state == DestinationState.IDLE
                || state == DestinationState.INACTIVE) {
            return null;
        }
        Instant end = refresh.recentMinute().plus(DestinationRows.MINUTE);
        Instant windowStart = refresh.windowStart();
        long limit =
                refresh.lagThreshold().toMillis()
                        + (refresh.classLagMs() == null ? 0 : refresh.classLagMs());
        Instant since = end;
        List<MinuteSample> minutes = DestinationRows.everyMinute(withData, windowStart, end);
        for (int i = minutes.size() - 1; i >= 0; i--) {
            MinuteSample minute = minutes.get(i);
            if (ok(minute, limit)) {
                break;
            }
            since = minute.minute();
        }
        if (activeSince != null && activeSince.isAfter(since)) {
            since = activeSince;
        }
        // A destination not OK for less than a complete minute has been so since the last one.
        return since.isAfter(refresh.recentMinute()) ? refresh.recentMinute() : since;
    }

    private static boolean ok(MinuteSample minute, long lagLimit) {
        return minute.delivered() > 0
                && minute.failed() == 0
                && minute.rejected() == 0
                && (minute.lagMs() == null || minute.lagMs() <= lagLimit);
    }
}
