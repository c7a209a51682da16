package fanout.console.status;

import java.time.Instant;
import java.util.Objects;

/**
 * One destination's row in {@code status} and the dashboard. Counts are over the window.
 *
 * @param reason why the state is what it is, in words (e.g. "no deliveries while the source had 120
 *     records")
 * @param fix what the leader can do about it, empty when nothing is needed
 * @param lagMs DeliveryLag maximum over the window, null when nothing was delivered
 * @param firstDeliveryExpectedAt for WAITING, when the first delivery is expected at the latest
 * @param behindRecords source records still owed while catching up from the source (BEHIND), null
 *     when live or unknown
 * @param behindMs how far behind in time while catching up, null when live or unknown
 */
public record DestinationStatus(
        String id,
        String name,
        String helper,
        boolean active,
        DestinationState state,
        String reason,
        String fix,
        long delivered,
        long failed,
        long throttled,
        long rejected,
        long resent,
        Long lagMs,
        Instant lastDeliveryAt,
        String lastError,
        String lastErrorCode,
        Instant lastErrorAt,
        Instant firstDeliveryExpectedAt,
        Long behindRecords,
        Long behindMs) {

    public DestinationStatus(
            String id,
            String name,
            String helper,
            boolean active,
            DestinationState state,
            String reason,
            String fix,
            long delivered,
            long failed,
            long throttled,
            long rejected,
            long resent,
            Long lagMs,
            Instant lastDeliveryAt,
            String lastError,
            String lastErrorCode,
            Instant lastErrorAt,
            Instant firstDeliveryExpectedAt) {
        this(
                id,
                name,
                helper,
                active,
                state,
                reason,
                fix,
                delivered,
                failed,
                throttled,
                rejected,
                resent,
                lagMs,
                lastDeliveryAt,
                lastError,
                lastErrorCode,
                lastErrorAt,
                firstDeliveryExpectedAt,
                null,
                null);
    }

    public DestinationStatus {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(state, "state is required");
    }
}
