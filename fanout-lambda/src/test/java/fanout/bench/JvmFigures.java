package fanout.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;

/** The benchmark JVM's own figures: CPU (process and Java threads) and heap peaks. */
final class JvmFigures {
    private JvmFigures() {}

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU of the Java threads (ours and the SDK's), without the JIT compiler and GC threads: less
     * noisy than the process figure while the machine is shared.
     */
    static Map<Long, Long> javaThreadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long time = threads.getThreadCpuTime(id);
            if (time >= 0) {
                cpu.put(id, time);
            }
        }
        return cpu;
    }

    static long javaThreadCpuSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : javaThreadCpu().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(p -> p.resetPeakUsage());
    }

    static long peakHeapMb() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
