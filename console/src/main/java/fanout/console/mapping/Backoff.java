package fanout.console.mapping;

import java.time.Duration;

/** How long to wait before retry number {@code attempt} (1-based); injected so tests never wait. */
@FunctionalInterface
public interface Backoff {
    void pause(int attempt) throws InterruptedException;

    /** Doubling waits from {@code base}, capped at {@code max}. */
    static Backoff exponential(Duration base, Duration max) {
        return attempt -> {
            long millis = base.toMillis() << Math.min(attempt - 1, 20);
            Thread.sleep(Math.min(millis, max.toMillis()));
        };
    }

    static Backoff none() {
        return attempt -> {};
    }
}
