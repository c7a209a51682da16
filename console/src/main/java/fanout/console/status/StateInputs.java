package fanout.console.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything {@link StateRules} looks at for one destination, over the status window.
 *
 * @param activeSince when the mapping became active (its {@code updatedAt} while active), null when
 *     unknown, which counts as long ago
 * @param lagMs DeliveryLag maximum over the window, null without deliveries
 * @param lastErrorAt when the last error was stored, null when there is none
 * @param sourceRecords records the function read from the source over the window
 * @param iteratorAgeMs the function's IteratorAge maximum over the window, null when unknown
 * @param cacheTtl the forwarder's mapping cache TTL (a new mapping is seen at most this late)
 * @param lagThreshold above this, a delivering destination is LAG
 * @param behind how far the destination is behind while it catches up from the source, null when it
 *     is live
 */
public record StateInputs(
        String id,
        boolean active,
        Instant activeSince,
        long delivered,
        long failed,
        long rejected,
        Long lagMs,
        Instant lastDeliveryAt,
        String lastError,
        String lastErrorCode,
        Instant lastErrorAt,
        long sourceRecords,
        Long iteratorAgeMs,
        Duration cacheTtl,
        Duration lagThreshold,
        Instant now,
        Behind behind) {

    public StateInputs(
            String id,
            boolean active,
            Instant activeSince,
            long delivered,
            long failed,
            long rejected,
            Long lagMs,
            Instant lastDeliveryAt,
            String lastError,
            String lastErrorCode,
            Instant lastErrorAt,
            long sourceRecords,
            Long iteratorAgeMs,
            Duration cacheTtl,
            Duration lagThreshold,
            Instant now) {
        this(
                id,
                active,
                activeSince,
                delivered,
                failed,
                rejected,
                lagMs,
                lastDeliveryAt,
                lastError,
                lastErrorCode,
                lastErrorAt,
                sourceRecords,
                iteratorAgeMs,
                cacheTtl,
                lagThreshold,
                now,
                null);
    }

    public StateInputs {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(cacheTtl, "cacheTtl is required");
        Objects.requireNonNull(lagThreshold, "lagThreshold is required");
        Objects.requireNonNull(now, "now is required");
        if (delivered < 0 || failed < 0 || rejected < 0 || sourceRecords < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
