package fanout.forward;

import java.time.Duration;

/** Waits between retries; tests pass one that advances a manual clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = pause -> Thread.sleep(pause.toMillis());

    void sleep(Duration pause) throws InterruptedException;
}
