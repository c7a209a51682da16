package fanout.bench;

import fanout.ForwarderConfig;
import fanout.localaws.LocalAws;
import fanout.loopback.EsmDriver;
import fanout.loopback.HandlerMain;
import fanout.loopback.LoopbackClass;
import fanout.loopback.Traffic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 11's benchmark through the real SDK: the real handler in its own JVM (Lambda's flags) on
 * the loopback sink, 300 students behind their own roles, 20 ms per call, batches read back to back
 * by the event source mapping driver; the reference is a model of the original Node fan-out on the
 * same sink in the same run. Prints the figures and writes {@code target/bench/results.json} (one
 * entry per goal).
 */
public final class SdkBenchmark {
    static final int STUDENTS = Integer.getInteger("bench.students", 300);
    static final Duration ROUND_TRIP = Duration.ofMillis(20);

    /** The warm batches of one run, the cold first batch apart. */
    record Run(
            String name,
            int batchSize,
            EsmDriver.Report report,
            int warmUp,
            long metricCalls,
            long metricDatums) {
        List<EsmDriver.InvocationRecord> warm() {
            return report.invocations().stream().skip(warmUp).toList();
        }

        double median(java.util.function.ToDoubleFunction<EsmDriver.InvocationRecord> figure) {
            double[] values = warm().stream().mapToDouble(figure).sorted().toArray();
            return values.length == 0 ? Double.NaN : values[values.length / 2];
        }

        double max(java.util.function.ToDoubleFunction<EsmDriver.InvocationRecord> figure) {
            return report.invocations().stream().mapToDouble(figure).max().orElse(Double.NaN);
        }
    }

    private SdkBenchmark() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(dir.resolve("logs"));
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
        int measured = Math.max(3, (int) Math.round(10 * scale));
        out.println("# fanout SDK benchmark (issue 11)");
        out.printf(
                "- %s, %d cores, Java %s, load average %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
        long started = System.nanoTime();
        Map<String, Run> runs = new java.util.LinkedHashMap<>();
        try (LocalAws local = LocalAws.start()) {
            if (BenchOnly.runs(K100)) {
                runs.put(K100, run(local, dir, "fanout N=300 K=100", 100, 3, measured, List.of()));
            }
            if (BenchOnly.runs(K1000)) {
                // In the heap the goal allows: it either completes or runs out of memory.
                runs.put(
                        K1000,
                        run(
                                local,
                                dir,
                                "fanout N=300 K=1000, -Xmx256m",
                                1000,
                                2,
                                Math.max(2, measured / 2),
                                List.of("-Xmx256m")));
            }
            if (BenchOnly.runs(C2)) {
                // Lambda's Java 17 and 21 runtimes stop at C1; JAVA_TOOL_OPTIONS can lift that.
                runs.put(
                        C2,
                        run(
                                local,
                                dir,
                                "fanout N=300 K=100, C2 (TieredStopAtLevel=4)",
                                100,
                                3,
                                measured,
                                List.of("-XX:TieredStopAtLevel=4")));
            }
            if (BenchOnly.runs(MODEL)) {
                runs.put(
                        MODEL,
                        run(
                                local,
                                dir,
                                "original model N=300 K=100",
                                100,
                                1,
                                3,
                                List.of(
                                        "-D"
                                                + HandlerMain.HANDLER_PROPERTY
                                                + "="
                                                + NodeModelHandler.class.getName())));
            }
        }
        print(out, List.copyOf(runs.values()));
        List<Goal> goals = goals(runs);
        Table table = new Table("goal", "measured", "goal", "unit", "pass");
        goals.forEach(g -> table.row(g.id(), g.measured(), g.goal(), g.unit(), g.pass()));
        out.println();
        table.print(out);
        Goal.merge(dir.resolve("results.json"), goals);
        out.println("written " + dir.resolve("results.json"));
        out.printf("- took %.1f min%n", (System.nanoTime() - started) / 60e9);
    }

    static final String K100 = "loopback-k100";
    static final String K1000 = "loopback-k1000";
    static final String MODEL = "loopback-model";
    static final String C2 = "loopback-c2-k100";

    private static Run run(
            LocalAws local,
            Path dir,
            String name,
            int batchSize,
            int warmUp,
            int measured,
            List<String> properties) {
        try (LoopbackClass lesson = LoopbackClass.create(local.dynamoEndpoint(), STUDENTS)) {
            lesson.sink().faults().latency(ROUND_TRIP);
            Path log = dir.resolve("logs").resolve(name.replaceAll("[^A-Za-z0-9=]+", "-") + ".log");
            EsmDriver driver =
                    new EsmDriver(
                            lesson, () -> lesson.environmentProcess(Map.of(), properties, log));
            List<Traffic.Planned> plan = Traffic.batches(warmUp + measured, batchSize, 0);
            EsmDriver.Report report =
                    driver.run(
                            plan,
                            new EsmDriver.Options(
                                    batchSize,
                                    60_000,
                                    60_000,
                                    3,
                                    Duration.ofMinutes(10),
                                    Duration.ofMillis(20)),
                            done -> {});
            EsmDriver.write(
                    report,
                    lesson.sink(),
                    dir.resolve("logs")
                            .resolve(name.replaceAll("[^A-Za-z0-9=]+", "-") + ".invocations.json"));
            return new Run(
                    name,
                    batchSize,
                    report,
                    warmUp,
                    lesson.sink().metricCalls(),
                    lesson.sink().metricDatums());
        }
    }

    static long floorMillis() {
        int rounds =
                (STUDENTS + ForwarderConfig.DEFAULT_CONCURRENCY - 1)
                        / ForwarderConfig.DEFAULT_CONCURRENCY;
        return rounds * ROUND_TRIP.toMillis();
    }

    private static void print(PrintStream out, List<Run> runs) {
        Table table =
                new Table(
                        "run",
                        "CPU ms/batch",
                        "wall ms/batch",
                        "floor ms",
                        "calls/batch",
                        "new conns/batch",
                        "peak threads",
                        "max heap MB",
                        "first batch ms (cold)",
                        "warm batches");
        for (Run r : runs) {
            table.row(
                    r.name(),
                    r.median(EsmDriver.InvocationRecord::cpuMs),
                    r.median(EsmDriver.InvocationRecord::wallMs),
                    floorMillis(),
                    r.median(EsmDriver.InvocationRecord::sinkCalls),
                    r.median(EsmDriver.InvocationRecord::newConnections),
                    (int) r.max(EsmDriver.InvocationRecord::peakThreads),
                    r.max(EsmDriver.InvocationRecord::heapMb),
                    r.report().firstBatchMs(),
                    r.warm().size());
        }
        out.println();
        table.print(out);
        out.println();
        out.println(
                "CPU: the handler JVM's process CPU time across each batch (all cores); medians of the warm batches.");
    }

    /** The goals the runs made answer; a goal whose run was left out is not written. */
    static List<Goal> goals(Map<String, Run> runs) {
        List<Goal> goals = new ArrayList<>();
        Run k100 = runs.get(K100);
        Run k1000 = runs.get(K1000);
        Run model = runs.get(MODEL);
        if (k100 != null) {
            double wall = k100.median(EsmDriver.InvocationRecord::wallMs);
            goals.add(
                    new Goal(
                            "cpu-per-batch-n300-k100",
                            k100.median(EsmDriver.InvocationRecord::cpuMs),
                            100,
                            "ms",
                            true));
            goals.add(
                    new Goal("wall-over-network-floor-k100", wall / floorMillis(), 1.5, "x", true));
            goals.add(
                    new Goal(
                            "first-batch-after-cold-start-n300",
                            k100.report().firstBatchMs(),
                            3000,
                            "ms",
                            true));
            goals.add(
                    new Goal(
                            "new-connections-per-warm-batch-k100",
                            k100.median(EsmDriver.InvocationRecord::newConnections),
                            0,
                            "connections",
                            true));
            // Per invocation: the calls made over the fewest that could carry its datums.
            double calls =
                    k100.report().invocations().stream()
                            .mapToLong(EsmDriver.InvocationRecord::metricCalls)
                            .sum();
            double fewest =
                    k100.report().invocations().stream()
                            .mapToDouble(i -> Math.ceil(i.metricDatums() / 1000.0))
                            .sum();
            goals.add(
                    new Goal(
                            "put-metric-data-calls-per-1000-datums",
                            fewest == 0 ? Double.NaN : calls / fewest,
                            1,
                            "calls",
                            true));
            if (model != null) {
                goals.add(
                        new Goal(
                                "speedup-over-original-model-k100",
                                model.median(EsmDriver.InvocationRecord::wallMs) / wall,
                                14,
                                "x",
                                false));
            }
        }
        Run c2 = runs.get(C2);
        if (c2 != null) {
            goals.add(
                    new Goal(
                            "cpu-per-batch-n300-k100-c2",
                            c2.median(EsmDriver.InvocationRecord::cpuMs),
                            100,
                            "ms",
                            true));
        }
        if (k1000 != null) {
            goals.add(
                    new Goal(
                            "cpu-per-batch-n300-k1000",
                            k1000.median(EsmDriver.InvocationRecord::cpuMs),
                            1000,
                            "ms",
                            true));
            goals.add(
                    new Goal(
                            "threads-n300-k1000",
                            k1000.max(EsmDriver.InvocationRecord::peakThreads),
                            150,
                            "threads",
                            true));
            goals.add(
                    new Goal(
                            "heap-n300-k1000",
                            k1000.max(EsmDriver.InvocationRecord::heapMb),
                            256,
                            "MB",
                            true));
        }
        return goals;
    }
}
