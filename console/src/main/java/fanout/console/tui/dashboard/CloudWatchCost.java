package fanout.console.tui.dashboard;

import fanout.metrics.MetricQueries;
import java.time.Duration;

/** What refreshing the dashboard costs in GetMetricData, so the leader can pick an interval. */
public final class CloudWatchCost {
    /** GetMetricData price: USD 0.01 per 1,000 metrics requested (us-east-1 list price). */
    public static final double USD_PER_METRIC = 0.01 / 1000;

    private CloudWatchCost() {}

    public static double perHour(int destinations, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        double refreshesPerHour = 3600.0 / interval.toSeconds();
        int metrics = MetricQueries.perRead(destinations);
        return refreshesPerHour * metrics * USD_PER_METRIC;
    }
}
