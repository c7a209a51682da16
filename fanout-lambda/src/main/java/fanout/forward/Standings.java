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
 * every invocation. Memory only: a new container starts everyone healthy, which costs one try.
 */
public final class Standings {
    /** Errors that leave a destination behind, to catch up once the student fixed them. */
    static final Set<String> LEAVES_BEHIND =
            Set.of(AwsFailures.ACCESS_DENIED, AwsFailures.RESOURCE_NOT_FOUND);

    public static final Duration PARKED_FOR = Duration.ofMinutes(1);

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
     * The slice of a destination that struggled or is behind: about as long as the healthy ones
     * took last time (x1.2), so that it does not make the invocation, and so the class, slower; the
     * full slice when that is not known yet.
     */
    Duration sliceFor(Destination destination, boolean behind, Duration slice) {
        Duration healthy = healthyTook;
        boolean struggling = behind || standing(destination.targetId()) == Standing.STRUGGLING;
        if (!struggling || healthy == null) {
            return slice;
        }
        Duration share = Duration.ofMillis(healthy.toMillis() * 6 / 5);
        Duration bounded = share.compareTo(MIN_STRUGGLING_SLICE) < 0 ? MIN_STRUGGLING_SLICE : share;
        return bounded.compareTo(slice) < 0 ? bounded : slice;
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
        if (fixable) {
            parkedUntil.put(id, clock.instant().plus(PARKED_FOR));
        } else {
            parkedUntil.remove(id);
        }
    }

    private Standing standing(String targetId) {
        return standings.getOrDefault(targetId, Standing.HEALTHY);
    }
}
