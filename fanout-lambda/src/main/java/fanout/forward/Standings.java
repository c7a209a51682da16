package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this container remembers of each destination between invocations: which ones struggled
 * (served after the healthy and not-yet-started ones) and which are parked after an error only the
 * student can fix (AccessDenied, ResourceNotFound), tried again about once a minute rather than on
 * every invocation, or after taking nothing at all (throttled, hanging), tried again with a
 * doubling pause. Memory only: a new container starts everyone healthy, which costs one try.
 */
public final class Standings {
    /** Errors that leave a destination behind, to catch up once the student fixed them. */
    static final Set<String> LEAVES_BEHIND =
            Set.of(AwsFailures.ACCESS_DENIED, AwsFailures.RESOURCE_NOT_FOUND);

    public static final Duration PARKED_FOR = Duration.ofMinutes(1);

    /**
     * A destination that took nothing (every entry throttled, a call that hung or failed; not for
     * want of credentials, see {@link AwsFailures#credentialsProblem}) waits this long before its
     * next try, doubling each time up to {@link #MAX_THROTTLED_PAUSE}: it catches up from the
     * source later rather than taking a slice of every invocation.
     */
    static final Duration FIRST_THROTTLED_PAUSE = Duration.ofSeconds(1);

    static final Duration MAX_THROTTLED_PAUSE = Duration.ofSeconds(30);

    private enum Standing {
        NOT_STARTED,
        HEALTHY,
        STRUGGLING
    }

    /** A struggling destination's slice never goes below this. */
    static final Duration MIN_STRUGGLING_SLICE = Duration.ofMillis(100);

    private final Map<String, Standing> standings = new ConcurrentHashMap<>();
    private volatile Duration healthyTook;
    private final Map<String, Instant> parkedUntil = new ConcurrentHashMap<>();
    private final Map<String, Integer> throttledStreak = new ConcurrentHashMap<>();
    private final Set<String> hung = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public Standings(Clock clock) {
        this.clock = clock;
    }

    static boolean leavesBehind(String code) {
        return code != null && LEAVES_BEHIND.contains(code);
    }

    /** Not-yet-started first (they waited longest), then healthy, then struggling. */
    Comparator<Destination> fairOrder() {
        return Comparator.comparingInt(d -> standing(d.targetId()).ordinal());
    }

    /**
     * The slice of a destination that struggled or is behind: it ends about when the healthy ones
     * end (x1.2 of what they took last time, counted from the start of delivery, not from its own
     * turn, which comes after theirs), so that it does not make the invocation, and so the class,
     * slower; the full slice when that is not known yet.
     *
     * @param elapsed how long delivery has run when the destination's turn comes
     */
    private Duration sliceFor(
            Destination destination, boolean behind, Duration slice, Duration elapsed) {
        Duration healthy = healthyTook;
        boolean struggling = struggling(destination.targetId(), behind);
        if (!struggling || healthy == null) {
            return slice;
        }
        Duration share = Duration.ofMillis(healthy.toMillis() * 6 / 5).minus(elapsed);
        Duration bounded = share.compareTo(MIN_STRUGGLING_SLICE) < 0 ? MIN_STRUGGLING_SLICE : share;
        return bounded.compareTo(slice) < 0 ? bounded : slice;
    }

    /**
     * How a destination is served: its slice; trailing when it may be given up at its end (see
     * {@link #cutAtSlice}), then with a short grace when its last call hung, since waiting for a
     * call that hung last time only holds the invocation.
     */
    Turn turn(Destination destination, boolean behind, Duration slice, Duration elapsed) {
        Duration mine = sliceFor(destination, behind, slice, elapsed);
        String id = destination.targetId();
        if (!cutAtSlice(id, behind)) {
            return Turn.leading(mine);
        }
        return new Turn(
                mine,
                true,
                hung.contains(id) ? DestinationPool.HUNG_GRACE : DestinationPool.CUT_GRACE);
    }

    /** Whether a destination is behind or struggled last time (it gets the short slice). */
    boolean struggling(String targetId, boolean behind) {
        return behind || standing(targetId) == Standing.STRUGGLING;
    }

    /**
     * Whether a destination may be given up at its slice's end even while a call is in flight: only
     * one that struggles while others were served cleanly last time. When nobody was (a cold start,
     * a slow region, an overloaded sandbox), the slowness is everyone's, and cutting calls that
     * would have answered only makes everyone behind.
     */
    boolean cutAtSlice(String targetId, boolean behind) {
        return healthyTook != null && struggling(targetId, behind);
    }

    /** How long the slowest clean destination took in this invocation. */
    void healthyTook(Duration took) {
        healthyTook = took;
    }

    boolean parked(String targetId) {
        Instant until = parkedUntil.get(targetId);
        return until != null && clock.instant().isBefore(until);
    }

    /** Remembers how a destination did; parks it after an error the student must fix. */
    void record(DestinationReport report) {
        String id = report.targetId();
        if (!report.started()) {
            standings.put(id, Standing.NOT_STARTED);
            return;
        }
        boolean clean = report.complete() && report.throttled() == 0;
        standings.put(id, clean ? Standing.HEALTHY : Standing.STRUGGLING);
        boolean fixable =
                !report.complete()
                        && report.lastProblem().map(p -> leavesBehind(p.code())).orElse(false);
        // Credentials that expired or an STS that throttled say nothing about the destination: a
        // whole class whose sessions lapsed together must not be paused together.
        boolean credentials =
                report.lastProblem()
                        .map(p -> AwsFailures.credentialsProblem(p.code()))
                        .orElse(false);
        boolean tookNothing = !report.complete() && report.delivered() == 0 && !credentials;
        if (!report.complete() && report.lastProblem().map(Standings::hangs).orElse(false)) {
            hung.add(id);
        } else {
            hung.remove(id);
        }
        if (fixable) {
            parkedUntil.put(id, clock.instant().plus(PARKED_FOR));
        } else if (tookNothing) {
            int streak = throttledStreak.merge(id, 1, Integer::sum);
            parkedUntil.put(id, clock.instant().plus(throttledPause(streak)));
        } else {
            parkedUntil.remove(id);
        }
        if (!tookNothing) {
            throttledStreak.remove(id);
        }
    }

    /** A call given up while in flight, or one the SDK timed out. */
    private static boolean hangs(Problem problem) {
        String message = problem.message().toLowerCase(java.util.Locale.ROOT);
        return DestinationPool.TIMEOUT.equals(problem.code())
                || (AwsFailures.NETWORK.equals(problem.code()) && message.contains("timeout"));
    }

    /**
     * 1 s, 2 s, 4 s ... up to the maximum, after the {@code streak}th try in a row that took
     * nothing.
     */
    public static Duration throttledPause(int streak) {
        long seconds = FIRST_THROTTLED_PAUSE.toSeconds() << Math.min(streak - 1, 10);
        Duration pause = Duration.ofSeconds(seconds);
        return pause.compareTo(MAX_THROTTLED_PAUSE) < 0 ? pause : MAX_THROTTLED_PAUSE;
    }

    private Standing standing(String targetId) {
        return standings.getOrDefault(targetId, Standing.HEALTHY);
    }
}
