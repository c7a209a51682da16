package fanout.console.deploy;

import java.time.Duration;

/** Waits between polls; injected so that tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM =
            duration -> {
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting", e);
                }
            };

    void sleep(Duration duration);
}
