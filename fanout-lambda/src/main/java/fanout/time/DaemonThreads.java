package fanout.time;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for background pools, which must never keep the JVM alive: a Lambda container may freeze
 * or end with work pending, and a CLI or the sandbox exits when its main thread is done.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Daemon threads named {@code prefix} followed by 1, 2, 3, ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
