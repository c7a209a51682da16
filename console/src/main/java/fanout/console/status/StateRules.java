package fanout.console.status;

import java.time.Duration;
import java.time.Instant;

/**
 * The one function that decides a destination's state (design.md "Destination states"). Pure: the
 * same inputs always give the same verdict, so the CLI, the dashboard and the tests agree.
 *
 * <p>Precedence: INACTIVE, ERROR, BEHIND, WAITING, LAG, OK, IDLE.
 */
public final class StateRules {
    /**
     * A new or re-activated mapping is picked up by the forwarder after its mapping cache expires;
     * this is the margin on top of the cache TTL before silence counts as a failure.
     */
    public static final Duration WAITING_MARGIN = Duration.ofMinutes(2);

    private StateRules() {}

    public static StateVerdict evaluate(StateInputs in) {
        if (!in.active()) {
            return verdict(
                    DestinationState.INACTIVE,
                    "the mapping is not active",
                    "activate it: fanout activate --id " + in.id());
        }
        StateVerdict error = error(in);
        if (error != null) {
            return error;
        }
        if (in.behind() != null) {
            return verdict(
                    DestinationState.BEHIND,
                    in.behind().describe() + "; catching up from the source stream",
                    "nothing to do: it catches up as records arrive (or `fanout drain`); for a"
                            + " student who left: fanout skip --id "
                            + in.id()
                            + " --to latest");
        }
        Instant waitingUntil = waitingUntil(in);
        if (in.delivered() == 0 && in.now().isBefore(waitingUntil)) {
            long ago = Duration.between(in.activeSince(), in.now()).toSeconds();
            return new StateVerdict(
                    DestinationState.WAITING,
                    "activated "
                            + ago
                            + " s ago; first delivery expected by "
                            + waitingUntil
                            + " (mapping cache "
                            + in.cacheTtl().toSeconds()
                            + " s + 2 min)",
                    "",
                    waitingUntil);
        }
        if (in.delivered() > 0) {
            return delivering(in);
        }
        return verdict(DestinationState.IDLE, "the source had no records in the window", "");
    }

    /** The end of the WAITING time; a mapping active since an unknown time is long past it. */
    static Instant waitingUntil(StateInputs in) {
        return in.activeSince() == null
                ? Instant.MIN
                : in.activeSince().plus(in.cacheTtl()).plus(WAITING_MARGIN);
    }

    private static StateVerdict error(StateInputs in) {
        String fix = ErrorFixes.forCode(in.lastErrorCode(), in.id());
        if (in.failed() > 0 || in.rejected() > 0) {
            return verdict(
                    DestinationState.ERROR,
                    in.failed()
                            + " failed, "
                            + in.rejected()
                            + " rejected in the window"
                            + (in.lastError() == null ? "" : ": " + in.lastError()),
                    fix);
        }
        if (errorIsCurrent(in)) {
            String since =
                    in.lastDeliveryAt() == null
                            ? " and no delivery since: "
                            : " is newer than the last delivery: ";
            return verdict(
                    DestinationState.ERROR,
                    "last error at " + in.lastErrorAt() + since + in.lastError(),
                    fix);
        }
        if (in.sourceRecords() > 0 && in.delivered() == 0 && !in.now().isBefore(waitingUntil(in))) {
            return verdict(
                    DestinationState.ERROR,
                    "no deliveries while the source had " + in.sourceRecords() + " records",
                    in.lastError() == null
                            ? "run `fanout roster check --ids "
                                    + in.id()
                                    + "` to see whether the role and stream work"
                            : fix);
        }
        return null;
    }

    /**
     * An error stored before the mapping was (re)activated belongs to the previous activation, so
     * it does not count.
     */
    private static boolean errorIsCurrent(StateInputs in) {
        Instant at = in.lastErrorAt();
        if (at == null || in.lastError() == null) {
            return false;
        }
        boolean afterDelivery = in.lastDeliveryAt() == null || at.isAfter(in.lastDeliveryAt());
        boolean sinceActivation = in.activeSince() == null || !at.isBefore(in.activeSince());
        return afterDelivery && sinceActivation;
    }

    private static StateVerdict delivering(StateInputs in) {
        long threshold = in.lagThreshold().toMillis();
        if (in.lagMs() != null && in.lagMs() > threshold) {
            return verdict(
                    DestinationState.LAG,
                    "delivery lag "
                            + seconds(in.lagMs())
                            + " (threshold "
                            + seconds(threshold)
                            + ")",
                    "the student's stream accepts records slowly: check it for throttling");
        }
        if (in.iteratorAgeMs() != null && in.iteratorAgeMs() > threshold) {
            return verdict(
                    DestinationState.LAG,
                    "the function is "
                            + seconds(in.iteratorAgeMs())
                            + " behind the source (IteratorAge, threshold "
                            + seconds(threshold)
                            + ")",
                    "the function cannot keep up: raise its memory or the hook's parallelization");
        }
        return verdict(DestinationState.OK, in.delivered() + " delivered in the window", "");
    }

    private static String seconds(long millis) {
        return (millis / 1000) + " s";
    }

    private static StateVerdict verdict(DestinationState state, String reason, String fix) {
        return new StateVerdict(state, reason, fix, null);
    }
}
