package fanout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        List<Run> runs = new ArrayList<>();
        try (LocalAws local = LocalAws.start()) {
            runs.add(run(local, dir, "fanout N=300 K=100", 100, 3, measured, List.of()));
            runs.add(
                    run(
                            local,
                            dir,
                            "fanout N=300 K=1000",
                            1000,
                            2,
                            Math.max(2, measured / 2),
                            List.of()));
            runs.add(
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
        print(out, runs);
        write(goals(runs), dir.resolve("results.json"));
        out.println("written " + dir.resolve("results.json"));
    }

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

    static List<ObjectNode> goals(List<Run> runs) {
        ObjectMapper json = new ObjectMapper();
        Run k100 = runs.get(0);
        Run k1000 = runs.get(1);
        Run model = runs.get(2);
        List<ObjectNode> goals = new ArrayList<>();
        double wall = k100.median(EsmDriver.InvocationRecord::wallMs);
        goals.add(
                goal(
                        json,
                        "cpu-per-batch-n300-k100",
                        k100.median(EsmDriver.InvocationRecord::cpuMs),
                        100,
                        "ms",
                        true));
        goals.add(
                goal(
                        json,
                        "cpu-per-batch-n300-k1000",
                        k1000.median(EsmDriver.InvocationRecord::cpuMs),
                        1000,
                        "ms",
                        true));
        goals.add(goal(json, "wall-over-network-floor-k100", wall / floorMillis(), 1.5, "x", true));
        goals.add(
                goal(
                        json,
                        "speedup-over-original-model-k100",
                        model.median(EsmDriver.InvocationRecord::wallMs) / wall,
                        14,
                        "x",
                        false));
        goals.add(
                goal(
                        json,
                        "first-batch-after-cold-start-n300",
                        k100.report().firstBatchMs(),
                        3000,
                        "ms",
                        true));
        goals.add(
                goal(
                        json,
                        "threads-n300-k1000",
                        k1000.max(EsmDriver.InvocationRecord::peakThreads),
                        150,
                        "threads",
                        true));
        goals.add(
                goal(
                        json,
                        "heap-n300-k1000",
                        k1000.max(EsmDriver.InvocationRecord::heapMb),
                        256,
                        "MB",
                        true));
        goals.add(
                goal(
                        json,
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
        double perThousand = fewest == 0 ? Double.NaN : calls / fewest;
        goals.add(
                goal(json, "put-metric-data-calls-per-1000-datums", perThousand, 1, "calls", true));
        return goals;
    }

    private static ObjectNode goal(
            ObjectMapper json,
            String id,
            double measured,
            double goal,
            String unit,
            boolean atMost) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("measured", Math.round(measured * 100) / 100.0);
        node.put("goal", goal);
        node.put("unit", unit);
        node.put("pass", atMost ? measured <= goal : measured >= goal);
        return node;
    }

    private static void write(List<ObjectNode> goals, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = json.createArrayNode();
        goals.forEach(array::add);
        json.writeValue(file.toFile(), array);
        System.out.println(json.writeValueAsString(array));
    }
}
