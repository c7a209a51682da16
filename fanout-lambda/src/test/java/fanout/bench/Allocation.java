package fanout.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by the Java threads: unlike CPU time, the figure does not move with the machine's
 * load, so it shows a change in the work per batch even when other builds make CPU figures noisy.
 */
final class Allocation {
    private Allocation() {}

    private static com.sun.management.ThreadMXBean threads() {
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    /** Per live thread, what it allocated so far. */
    static Map<Long, Long> now() {
        long[] ids = threads().getAllThreadIds();
        long[] bytes = threads().getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    /** Allocated since {@code before} by the threads alive now (a thread that ended is missed). */
    static long since(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> after : now().entrySet()) {
            total += after.getValue() - before.getOrDefault(after.getKey(), 0L);
        }
        return total;
    }
}
