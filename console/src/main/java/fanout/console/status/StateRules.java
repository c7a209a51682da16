package fanout.console.status;

import fanout.forward.AwsFailures;
import java.time.Duration;
import java.time.Instant;

/**
 * The one function that decides a destination's state (design.md "Destination states"). Pure: the
 * same inputs always give the same verdict, so the CLI, the dashboard and the tests agree.
 *
 * <p>Precedence: INACTIVE, ERROR, BEHIND, WAITING, LAG, OK, IDLE. The state is what is true in the
 * most recent complete minute, so a lag that has passed (a backlog replayed after a hook at
 * TRIM_HORIZON) no longer colours the student; a lag the whole class shares is the class's, said
 * once by {@link ClassDiagnosis}.
 */
public final class StateRules {
    /**
     * A new or re-activated mapping is picked up by the forwarder after its mapping cache expires;
     * this is the margin on top of the cache TTL before silence counts as a failure.
     */
    public static final Duration WAITING_MARGIN = Duration.ofMinutes(2);

    private StateRules() {}

    public static StateVerdict evaluate(StateInputs in) {
        return evaluate(in, Duration.ofMinutes(1));
    }

    /**
     * @param period the recent period the counts and lag are from: a minute, or 10 s when
     *     high-resolution metrics were read
     */
    public static StateVerdict evaluate(StateInputs in, Duration period) {
        String last =
                " in the last "
                        + (period.equals(Duration.ofMinutes(1))
                                ? "minute"
                                : period.toSeconds() + " s");
        if (!in.active()) {
            return verdict(
                    DestinationState.INACTIVE,
                    "the mapping is not active",
                    "activate it: fanout activate --id " + in.id());
        }
        StateVerdict error = error(in, last);
        if (error != null) {
            return error;
        }
        if (in.behind() != null && stoppedByTheStudentsSide(in, period)) {
            return verdict(
                    DestinationState.ERROR,
                    in.behind().describe()
                            + ": the forwarder stopped at the student's error and retries it about"
                            + " once a minute: "
                            + in.lastError(),
                    ErrorFixes.forCode(in.lastErrorCode(), in.id()));
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
        if (in.windowDelivered() == 0 && in.now().isBefore(waitingUntil)) {
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
        if (in.windowDelivered() > 0) {
            return delivering(in, last);
        }
        return verdict(DestinationState.IDLE, "the source had no records in the window", "");
    }

    /** The end of the WAITING time; a mapping active since an unknown time is long past it. */
    static Instant waitingUntil(StateInputs in) {
        return in.activeSince() == null
                ? Instant.MIN
                : in.activeSince().plus(in.cacheTtl()).plus(WAITING_MARGIN);
    }

    private static StateVerdict error(StateInputs in, String last) {
        String fix = ErrorFixes.forCode(in.lastErrorCode(), in.id());
        if (in.failed() > 0 || in.rejected() > 0) {
            return verdict(
                    DestinationState.ERROR,
                    in.failed()
                            + " failed, "
                            + in.rejected()
                            + " rejected"
                            + last
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
        boolean pastWaiting = !in.now().isBefore(waitingUntil(in));
        long silentOver = in.windowDelivered() == 0 ? in.windowSourceRecords() : in.sourceRecords();
        if (silentOver > 0 && in.delivered() == 0 && pastWaiting) {
            String when = in.windowDelivered() == 0 ? "" : last;
            return verdict(
                    DestinationState.ERROR,
                    "no deliveries" + when + " while the source had " + silentOver + " records",
                    in.lastError() == null
                            ? "run `fanout roster check --ids "
                                    + in.id()
                                    + "` to see whether the role and stream work"
                            : fix);
        }
        return null;
    }

    /**
     * Behind because of an error only the student can fix (a missing stream, a role that denies
     * access): the forwarder parks such a destination, so it is not catching up but waiting for the
     * fix. The error counts when it came no earlier than the period of the last delivery (a
     * delivery after a fix moves that period past it).
     */
    private static boolean stoppedByTheStudentsSide(StateInputs in, Duration period) {
        String code = in.lastErrorCode();
        if (code == null
                || in.lastErrorAt() == null
                || !(code.contains("NotFound") || code.contains("AccessDenied"))) {
            return false;
        }
        Instant at = in.lastErrorAt();
        boolean sinceActivation = in.activeSince() == null || !at.isBefore(in.activeSince());
        boolean sinceDelivery =
                in.lastDeliveryAt() == null || !at.isBefore(in.lastDeliveryAt().minus(period));
        return sinceActivation && sinceDelivery;
    }

    /**
     * An error stored before the mapping was (re)activated belongs to the previous activation, so
     * it does not count. Nor does a throttle while records still get through in the period: a
     * stream over its write capacity throttles between its deliveries, so "newer than the last
     * delivery" would flip it between ERROR and BEHIND or OK from one refresh to the next; its
     * throttles are counted, and it is BEHIND or LAG while it keeps up slowly.
     */
    private static boolean errorIsCurrent(StateInputs in) {
        Instant at = in.lastErrorAt();
        if (at == null || in.lastError() == null) {
            return false;
        }
        if (AwsFailures.throttling(in.lastErrorCode()) && in.delivered() > 0) {
            return false;
        }
        boolean afterDelivery = in.lastDeliveryAt() == null || at.isAfter(in.lastDeliveryAt());
        boolean sinceActivation = in.activeSince() == null || !at.isBefore(in.activeSince());
        return afterDelivery && sinceActivation;
    }

    private static StateVerdict delivering(StateInputs in, String last) {
        long threshold = in.lagThreshold().toMillis();
        long classLag = in.classLagMs() == null ? 0 : in.classLagMs();
        if (in.lagMs() != null && in.lagMs() > threshold + classLag) {
            return verdict(
                    DestinationState.LAG,
                    "delivery lag "
                            + seconds(in.lagMs())
                            + " now (threshold "
                            + seconds(threshold)
                            + (in.classLagMs() == null
                                    ? ")"
                                    : " beyond the class's " + seconds(classLag) + ")"),
                    "the student's stream accepts records slowly: compare its shards with the"
                            + " class's rate (1 MB/s or 1,000 records/s per shard) and add shards:"
                            + " aws kinesis update-shard-count --stream-name <stream>"
                            + " --target-shard-count 2 --scaling-type UNIFORM_SCALING");
        }
        String recent =
                in.delivered() == in.windowDelivered()
                        ? in.delivered() + " delivered in the window"
                        : in.delivered()
                                + " delivered"
                                + last
                                + ", "
                                + in.windowDelivered()
                                + " in the window";
        return verdict(DestinationState.OK, recent, "");
    }

    private static String seconds(long millis) {
        return (millis / 1000) + " s";
    }

    private static StateVerdict verdict(DestinationState state, String reason, String fix) {
        return new StateVerdict(state, reason, fix, null);
    }
}
