package fanout.console.status;

import java.time.Instant;
import java.util.Objects;

/**
 * One destination's row in {@code status} and the dashboard. Counts are over the window.
 *
 * @param reason why the state is what it is, in words (e.g. "no deliveries while the source had 120
 *     records")
 * @param fix what the leader can do about it, empty when nothing is needed
 * @param lagMs DeliveryLag maximum over the window (the peak), null when nothing was delivered
 * @param firstDeliveryExpectedAt for WAITING, when the first delivery is expected at the latest
 * @param lagNowMs DeliveryLag maximum in the most recent complete minute (what the state is judged
 *     on), null without deliveries in it
 * @param action the one thing to do about a non-OK state, ready to copy (a command, a policy);
 *     empty when nothing is needed
 * @param notOkSince since when the destination has not been OK (from the window's minutes; the
 *     window's start when it never was), null while OK, IDLE or INACTIVE
 * @param classWide its problem is a cause shared by the class, reported once in the snapshot's
 *     class diagnosis
 * @param recentDelivered delivered in the most recent complete minute (the session log sums them)
 * @param recentErrors failed and rejected in the most recent complete minute
 * @param behindRecords source records still owed while catching up from the source (BEHIND), null
 *     when live or unknown
 * @param behindMs how far behind in time while catching up, null when live or unknown
 * @param origin who wrote the mapping ({@code roster}, {@code cli}, {@code selfreg}), null for rows
 *     written by the original CLI
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
        Long lagNowMs,
        String action,
        Instant notOkSince,
        boolean classWide,
        long recentDelivered,
        long recentErrors,
        Long behindRecords,
        Long behindMs,
        String origin) {

    /** The origin a student's own Slack registration writes (design.md). */
    public static final String SELF_REGISTERED = fanout.selfreg.RegistrationStore.SELF_REGISTERED;

    /** A builder for a row of this destination in this state; the rest zero, empty or null. */
    public static DestinationStatusBuilder builder(String id, DestinationState state) {
        return new DestinationStatusBuilder(id, state);
    }

    /** A builder holding this row's values, to change a few of them. */
    public DestinationStatusBuilder toBuilder() {
        return new DestinationStatusBuilder(this);
    }

    public DestinationStatus {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(state, "state is required");
        action = action == null ? "" : action;
    }

    /** This row, its problem covered by a class-wide cause. */
    public DestinationStatus asClassWide() {
        return toBuilder().classWide(true).build();
    }

    /** The student registered this destination themselves (from Slack). */
    public boolean selfRegistered() {
        return SELF_REGISTERED.equals(origin);
    }
}
