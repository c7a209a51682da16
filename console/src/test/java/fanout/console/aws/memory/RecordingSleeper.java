package fanout.console.aws.memory;

import fanout.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
    public final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
    }
}
