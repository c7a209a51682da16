package fanout.console.status;

import fanout.check.Required;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything {@link StateRules} looks at for one destination. The state is what is true now: the
 * counts and the lag are those of the most recent complete minute; the window's totals only tell
 * whether anything was ever delivered or read (WAITING, IDLE).
 *
 * @param activeSince when the mapping became active (its {@code updatedAt} while active), null when
 *     unknown, which counts as long ago
 * @param delivered delivered in the most recent complete minute
 * @param failed failed in the most recent complete minute
 * @param rejected rejected in the most recent complete minute
 * @param lagMs DeliveryLag maximum in the most recent complete minute, null without deliveries
 * @param lastErrorAt when the last error was stored, null when there is none
 * @param sourceRecords records the function read from the source in the most recent complete minute
 * @param classLagMs how far the whole class lags alike now (see {@link ClassDiagnosis}), null when
 *     it does not: a student is LAG only this much plus the threshold behind
 * @param cacheTtl the forwarder's mapping cache TTL (a new mapping is seen at most this late)
 * @param lagThreshold above this (beyond the class), a delivering destination is LAG
 * @param windowDelivered delivered over the whole window
 * @param windowSourceRecords records the function read over the whole window
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
        Long classLagMs,
        Duration cacheTtl,
        Duration lagThreshold,
        Instant now,
        long windowDelivered,
        long windowSourceRecords,
        Behind behind) {

    public StateInputs {
        Required.all("id, cacheTtl, lagThreshold, now", id, cacheTtl, lagThreshold, now);
        if (delivered < 0
                || failed < 0
                || rejected < 0
                || sourceRecords < 0
                || windowDelivered < 0
                || windowSourceRecords < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (windowDelivered < delivered) {
            throw new IllegalArgumentException(
                    "the window's deliveries ("
                            + windowDelivered
                            + ") cannot be fewer than the last minute's ("
                            + delivered
                            + ")");
        }
    }
}
