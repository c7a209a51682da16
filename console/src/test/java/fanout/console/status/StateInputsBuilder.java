package fanout.console.status;

import java.time.Duration;
import java.time.Instant;

/**
 * A mutable builder over {@link StateInputs} for the state-rule tests, defaults: active long ago,
 * nothing happened. The counts are the last minute's; the window's equal them unless set.
 */
final class StateInputsBuilder {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant LONG_AGO = NOW.minus(Duration.ofHours(2));

    boolean active = true;
    Instant activeSince = LONG_AGO;
    long delivered;
    long failed;
    long rejected;
    Long lagMs;
    Instant lastDeliveryAt;
    String lastError;
    String lastErrorCode;
    Instant lastErrorAt;
    long sourceRecords;
    Long classLagMs;

    /** The window's totals; null means "the same as the last minute". */
    Long windowDelivered;

    Long windowSourceRecords;
    Duration cacheTtl = Duration.ofSeconds(30);
    Duration threshold = Duration.ofSeconds(60);
    Instant now = NOW;
    Behind behind;

    StateInputs build() {
        return new StateInputs(
                "ab12",
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
                classLagMs,
                cacheTtl,
                threshold,
                now,
                windowDelivered == null ? delivered : windowDelivered,
                windowSourceRecords == null ? sourceRecords : windowSourceRecords,
                behind);
    }
}
