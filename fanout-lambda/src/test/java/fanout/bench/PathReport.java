package fanout.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Scenario 6's table, its summary and the goals it answers. */
final class PathReport {
    private PathReport() {}

    static void print(PrintStream out, List<PathComparison.Figures> all) {
        out.println(
                "#### 6. SDK path against direct PutRecords: 300 students behind roles, 100"
                        + " records, stub answering at once, deployed configuration (C2, metrics"
                        + " every 5 s), one fresh JVM each, alternating");
        out.println();
        Table table =
                new Table(
                        "JVM",
                        "path",
                        "CPU ms/batch (mean)",
                        "median, min..max",
                        "Java threads CPU ms (mean)",
                        "MiB allocated/batch",
                        "wall ms (median)",
                        "PutRecords/batch",
                        "PutMetricData/batch",
                        "threads",
                        "heap MiB peak",
                        "cold first batch ms",
                        "JVM start ms",
                        "classes loaded",
                        "new roles, warm JVM ms");
        int n = 1;
        for (PathComparison.Figures f : all) {
            table.row(
                    n++,
                    f.path(),
                    f.cpuMean(),
                    String.format("%.0f, %.0f..%.0f", f.cpuMedian(), f.cpuMin(), f.cpuMax()),
                    f.javaThreadsCpuMean(),
                    String.format("%.1f", f.allocatedMbPerBatch()),
                    f.wallMedian(),
                    String.format("%.1f", f.putRecordsPerBatch()),
                    String.format("%.2f", f.putMetricDataPerBatch()),
                    f.threads(),
                    f.peakHeapMb(),
                    f.coldFirstBatchMs(),
                    f.jvmStartMs(),
                    f.classesLoaded(),
                    f.newRolesWarmJvmMs());
        }
        table.print(out);
        double sdk = mean(all, "sdk", PathComparison.Figures::cpuMean);
        double direct = mean(all, "direct", PathComparison.Figures::cpuMean);
        out.printf(
                "- CPU per batch, mean of the JVMs' means: sdk %.1f ms, direct %.1f ms (%.2fx less)%n",
                sdk, direct, sdk / direct);
        out.printf(
                "- allocated per batch: sdk %.1f MiB, direct %.1f MiB%n",
                mean(all, "sdk", PathComparison.Figures::allocatedMbPerBatch),
                mean(all, "direct", PathComparison.Figures::allocatedMbPerBatch));
        out.printf(
                "- cold first batch: sdk %.0f ms, direct %.0f ms; 300 new roles in a warm JVM:"
                        + " sdk %.0f ms, direct %.0f ms%n%n",
                mean(all, "sdk", PathComparison.Figures::coldFirstBatchMs),
                mean(all, "direct", PathComparison.Figures::coldFirstBatchMs),
                mean(all, "sdk", PathComparison.Figures::newRolesWarmJvmMs),
                mean(all, "direct", PathComparison.Figures::newRolesWarmJvmMs));
    }

    static List<Goal> goals(List<PathComparison.Figures> all) {
        List<Goal> goals = new ArrayList<>();
        goals.add(
                new Goal(
                        "stub-cpu-per-batch-n300-k100-direct-deployed",
                        mean(all, "direct", PathComparison.Figures::cpuMean),
                        100,
                        "ms",
                        true));
        goals.add(
                new Goal(
                        "stub-cpu-per-batch-n300-k100-sdk-deployed-reference",
                        mean(all, "sdk", PathComparison.Figures::cpuMean),
                        100,
                        "ms",
                        true));
        goals.add(
                new Goal(
                        "stub-cold-start-first-batch-n300-direct",
                        mean(all, "direct", PathComparison.Figures::coldFirstBatchMs),
                        3000,
                        "ms",
                        true));
        goals.add(
                new Goal(
                        "stub-threads-n300-direct",
                        all.stream().mapToInt(PathComparison.Figures::threads).max().orElse(0),
                        150,
                        "threads",
                        true));
        return goals;
    }

    private static double mean(
            List<PathComparison.Figures> all,
            String path,
            ToDoubleFunction<PathComparison.Figures> figure) {
        return all.stream()
                .filter(f -> f.path().equals(path))
                .mapToDouble(figure)
                .average()
                .orElse(Double.NaN);
    }
}
