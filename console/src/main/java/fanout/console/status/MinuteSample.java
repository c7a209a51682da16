package fanout.console.status;

import java.time.Instant;
import java.util.Objects;

/**
 * One target's metrics in one minute (the dashboard's sparklines).
 *
 * @param lagMs DeliveryLag maximum in that minute, null without deliveries
 */
public record MinuteSample(
        Instant minute, long delivered, long failed, long throttled, long rejected, Long lagMs) {

    public MinuteSample {
        Objects.requireNonNull(minute, "minute is required");
    }

    static MinuteSample empty(Instant minute) {
        return new MinuteSample(minute, 0, 0, 0, 0, null);
    }
}
