package fanout.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test says so; {@code clock::advance} serves as a sleeper that
 * advances it instead of waiting. Safe to read and advance from several threads.
 */
public final class ManualClock extends Clock {
    /** Where a clock starts when a test does not care. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-25T10:00:00Z");

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public ManualClock() {
        this(DEFAULT_START);
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
