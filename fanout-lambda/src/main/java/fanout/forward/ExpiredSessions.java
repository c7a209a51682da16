package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one session refused as expired says about the others: the whole class's sessions were
 * assumed together and expire together, so after a thaw the first refusal means every role's
 * credentials assumed before it are suspect. Each role then assumes again before its next call
 * rather than first having one PutRecords refused (at 300 students, 300 calls saved in the
 * invocation that can least afford them). Raised at most once a minute, so that one destination
 * refused again and again (a revoked session, a skewed clock) cannot make every role call STS on
 * every batch.
 */
final class ExpiredSessions {
    static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private long epoch;
    private Instant raised;

    ExpiredSessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** Sessions assumed in an earlier epoch than this are assumed again before use. */
    synchronized long epoch() {
        return epoch;
    }

    /** A session was refused as expired. */
    synchronized void refused() {
        Instant now = clock.instant();
        if (raised == null || !now.isBefore(raised.plus(AT_MOST_EVERY))) {
            epoch++;
            raised = now;
        }
    }
}
