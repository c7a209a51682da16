package fanout.console.status;

import java.time.Duration;

/** Waits between refreshes; tests inject one that does not sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
