package fanout.console.status;

import java.time.Instant;
import java.util.List;

/**
 * One target's metrics over a window: totals, and the minutes that had data (oldest first).
 *
 * @param lagMs DeliveryLag maximum over the window, null without data
 * @param lastDeliveryAt the start of the newest period with deliveries (10 s for high-resolution
 *     data, else a minute), null when none
 */
public record TargetMetrics(
        long delivered,
        long failed,
        long throttled,
        long rejected,
        long resent,
        Long lagMs,
        Instant lastDeliveryAt,
        List<MinuteSample> minutes) {

    public static final TargetMetrics NONE =
            new TargetMetrics(0, 0, 0, 0, 0, null, null, List.of());

    public TargetMetrics {
        minutes = List.copyOf(minutes);
    }
}
