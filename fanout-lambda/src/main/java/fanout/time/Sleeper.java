package fanout.time;

import java.time.Duration;

/**
 * Waits between retries, polls and refreshes; injected so that tests record the waits or advance a
 * manual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = pause -> Thread.sleep(pause.toMillis());

    void sleep(Duration pause) throws InterruptedException;
}
