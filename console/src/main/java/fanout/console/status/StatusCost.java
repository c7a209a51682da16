package fanout.console.status;

import java.time.Duration;

/**
 * What watching the class costs in CloudWatch (status and the dashboard): GetMetricData is priced
 * per metric requested.
 */
public final class StatusCost {
    /** USD per 1,000 metrics requested with GetMetricData (us-east-1 list price). */
    public static final double USD_PER_1000_METRICS = 0.01;

    private StatusCost() {}

    /**
     * The estimated cost per hour of refreshing {@code destinations} destinations every {@code
     * interval} with the console's CloudWatch reads (the dashboard's figure before it has read).
     */
    public static double perHour(int destinations, Duration interval) {
        return usdPerHour(CloudWatchMetricsSource.queriesPerRead(destinations), interval);
    }

    /**
     * The estimated cost per hour of refreshing {@code metricsPerRefresh} every {@code interval}.
     */
    public static double usdPerHour(int metricsPerRefresh, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        double refreshesPerHour = Duration.ofHours(1).toMillis() / (double) interval.toMillis();
        return refreshesPerHour * metricsPerRefresh * USD_PER_1000_METRICS / 1000;
    }
}
