package fanout.console.status;

import java.time.Duration;

/**
 * CloudWatch's retention of standard-resolution data, and the GetMetricData period each age needs:
 * 1-minute data is kept 15 days, 5-minute data 63 days, 1-hour data 455 days. A period finer than
 * the data's resolution for its age returns nothing; one that is not a multiple of 60 is refused.
 */
public final class MetricPeriods {
    public static final Duration ONE_MINUTE_DATA = Duration.ofDays(15);
    public static final Duration FIVE_MINUTE_DATA = Duration.ofDays(63);

    /** How long CloudWatch keeps high-resolution data at sub-minute periods. */
    public static final Duration HIGH_RESOLUTION_DATA = Duration.ofHours(3);

    /**
     * The period the forwarder's high-resolution metrics are read at for the state: 10 s, short
     * enough for a dashboard that is at most ~20 s behind, long enough that a class sending a few
     * records a second has deliveries in every period.
     */
    public static final int RECENT_PERIOD_SECONDS = 10;

    /** The longest window CloudWatch still has data for. */
    public static final Duration RETENTION = Duration.ofDays(455);

    private MetricPeriods() {}

    /** The period, in seconds, for data as old as {@code age} (the window's start). */
    public static int periodSeconds(Duration age) {
        if (age.compareTo(ONE_MINUTE_DATA) <= 0) {
            return 60;
        }
        if (age.compareTo(FIVE_MINUTE_DATA) <= 0) {
            return 300;
        }
        return 3600;
    }

    /**
     * The period, in seconds, for the forwarder's own (high-resolution) metrics over a window as
     * old as {@code age}: {@link #RECENT_PERIOD_SECONDS} while CloudWatch keeps sub-minute data.
     */
    public static int finePeriodSeconds(Duration age) {
        return age.compareTo(HIGH_RESOLUTION_DATA) <= 0
                ? RECENT_PERIOD_SECONDS
                : periodSeconds(age);
    }

    /** The resolution a window is read at, in words: "10-second", "1-minute", ... */
    public static String resolution(Duration window) {
        int period = finePeriodSeconds(window);
        switch (period) {
            case RECENT_PERIOD_SECONDS:
                return RECENT_PERIOD_SECONDS + "-second";
            case 60:
                return "1-minute";
            case 300:
                return "5-minute";
            default:
                return "1-hour";
        }
    }

    /** {@code window} shortened to {@link #RETENTION} when longer. */
    public static Duration cap(Duration window) {
        return window.compareTo(RETENTION) > 0 ? RETENTION : window;
    }

    /** Why {@code window} reads coarser data or is capped; empty when it reads 1-minute data. */
    public static String note(Duration window) {
        if (window.compareTo(RETENTION) > 0) {
            return "--since "
                    + DurationConverter.format(window)
                    + " is longer than CloudWatch keeps metrics (455 days): showing the last 455"
                    + " days, in 1-hour periods";
        }
        int period = periodSeconds(window);
        if (period == 60) {
            return "";
        }
        return "--since "
                + DurationConverter.format(window)
                + " reaches data older than CloudWatch keeps per minute ("
                + (period == 300
                        ? "15 days): counts are per 5 minutes"
                        : "63 days): counts are per hour");
    }
}
