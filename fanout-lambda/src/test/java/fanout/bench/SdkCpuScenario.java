package fanout.bench;

import fanout.AwsServices;
import fanout.forward.KinesisClientFactory;
import fanout.forward.StubAwsHttpClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Scenario 4: what a batch costs through the real SDK. The real handler, real Kinesis, STS and
 * CloudWatch clients, and an in-process HTTP stub answering PutRecords, AssumeRole and
 * PutMetricData (no network, so what is measured is our code plus the SDK's pipeline: marshalling,
 * signing, credentials, unmarshalling). Process CPU per batch (all threads, GC and JIT included)
 * after warm-up, for the client layer before issue 10 (the reference) and after.
 */
final class SdkCpuScenario {
    static final int STUDENTS = SdkVariants.STUDENTS;

    private SdkCpuScenario() {}

    /** One variant's figures; milliseconds unless named otherwise. */
    record Measured(
            SdkVariants.Variant variant,
            double cpuMean,
            Rounds.Figure cpu,
            double javaThreadsCpuMean,
            Rounds.Figure wall,
            double putRecordsPerBatch,
            double putMetricDataPerBatch,
            int threads,
            long retainedHeapMb,
            long peakHeapMb,
            double firstBatchMs,
            double allocatedMbPerBatch) {
        double microsPerRecordDestination() {
            return cpuMean * 1000.0 / ((double) STUDENTS * variant.records());
        }
    }

    static Measured measure(SdkVariants.Variant variant, Rounds rounds) {
        System.setProperty("aws.cborEnabled", Boolean.toString(variant.cbor()));
        StubAwsHttpClient http =
                new StubAwsHttpClient(Math.min(variant.records(), 500)).latency(variant.latency());
        ScheduledExecutorService timers = AwsServices.timers();
        KinesisClientFactory factory = variant.layer().build(http, timers);
        CloudWatchClient cloudWatch =
                AwsServices.cloudWatch(http, SdkVariants.OWN, Region.US_WEST_2, timers);
        byte[] event = BenchEvents.event(variant.records());
        try (SdkRig rig = new SdkRig(STUDENTS, factory, cloudWatch, variant.environment())) {
            long start = System.nanoTime();
            rig.invoke(event);
            double first = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < rounds.warmUp(); i++) {
                rig.invoke(event);
            }
            System.gc();
            JvmFigures.resetPeaks();
            jdk.jfr.Recording recording = Profiling.start();
            long puts = http.calls("PutRecords");
            long metrics = http.calls("PutMetricData");
            long[] cpu = new long[rounds.measured()];
            long[] threadCpu = new long[rounds.measured()];
            long allocated = 0;
            long[] wall = new long[rounds.measured()];
            for (int i = 0; i < rounds.measured(); i++) {
                long cpu0 = JvmFigures.processCpuNanos();
                Map<Long, Long> threads0 = JvmFigures.javaThreadCpu();
                Map<Long, Long> allocated0 = Allocation.now();
                long t0 = System.nanoTime();
                rig.invoke(event);
                wall[i] = System.nanoTime() - t0;
                cpu[i] = JvmFigures.processCpuNanos() - cpu0;
                threadCpu[i] = JvmFigures.javaThreadCpuSince(threads0);
                allocated += Allocation.since(allocated0);
            }
            Profiling.stop(recording);
            int n = rounds.measured();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            long peak = JvmFigures.peakHeapMb();
            System.gc();
            long retained =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            return new Measured(
                    variant,
                    Arrays.stream(cpu).average().orElse(0) / 1e6,
                    Rounds.Figure.of(cpu),
                    Arrays.stream(threadCpu).average().orElse(0) / 1e6,
                    Rounds.Figure.of(wall),
                    (http.calls("PutRecords") - puts) / (double) n,
                    (http.calls("PutMetricData") - metrics) / (double) n,
                    threads,
                    retained,
                    peak,
                    first,
                    allocated / (double) n / (1 << 20));
        } finally {
            factory.close();
            cloudWatch.close();
            timers.shutdownNow();
            System.clearProperty("aws.cborEnabled");
        }
    }

    /** Datums a batch publishes: per target Delivered and DeliveryLag, per source two counts. */
    static final int DATUMS_PER_BATCH = 2 * STUDENTS + 2;

    /** Every variant, printed; answers the goals of issue 11 it measures. */
    static List<Goal> run(PrintStream out, Rounds rounds) throws Exception {
        List<Measured> all = new java.util.ArrayList<>();
        for (SdkVariants.Variant variant :
                List.of(
                        SdkVariants.BEFORE_JSON,
                        SdkVariants.SHARED_JSON,
                        SdkVariants.BEFORE_CBOR,
                        SdkVariants.SHARED_CBOR,
                        SdkVariants.SHARED_CBOR_METRICS_10_S)) {
            all.add(measure(variant, rounds));
        }
        print(
                out,
                "#### 4. CPU per batch through the real SDK: 300 students each behind a role, 100"
                        + " records (~450 bytes after the transform), stub answering at once",
                all);
        Measured k1000 =
                measure(
                        SdkVariants.SHARED_CBOR.withRecords(1000),
                        new Rounds(rounds.warmUp() / 3 + 1, 5));
        Measured latency =
                measure(SdkVariants.SHARED_CBOR.withLatency(Duration.ofMillis(20)), rounds);
        print(
                out,
                "#### 5. The same client layer at K=1000 records, and with a 20 ms round trip",
                List.of(k1000, latency));
        double floor = Math.ceil(STUDENTS / 32.0) * 20;
        double cold = coldStartMillis();
        Measured before = all.get(2);
        Measured after = all.get(3);
        out.printf(
                "- CPU per batch (CBOR): %.1f ms before, %.1f ms after (%.2fx); threads %d"
                        + " before, %d after%n",
                before.cpuMean(),
                after.cpuMean(),
                before.cpuMean() / after.cpuMean(),
                before.threads(),
                after.threads());
        out.printf(
                "- wall time with a 20 ms round trip: %.1f ms, network floor ceil(300/32) x 20 ms"
                        + " = %.0f ms (%.2fx)%n",
                latency.wall().median(), floor, latency.wall().median() / floor);
        out.printf(
                "- first batch of a fresh JVM (300 roles assumed, clients built): %.0f ms%n%n",
                cold);
        return List.of(
                new Goal("stub-cpu-per-batch-n300-k100-cbor", after.cpuMean(), 100, "ms", true),
                new Goal(
                        "stub-cpu-per-batch-n300-k100-json", all.get(1).cpuMean(), 100, "ms", true),
                new Goal(
                        "stub-cpu-per-batch-n300-k100-cbor-reference-per-role-clients",
                        before.cpuMean(),
                        100,
                        "ms",
                        true),
                new Goal("stub-threads-n300", after.threads(), 150, "threads", true),
                new Goal("stub-threads-n300-k1000", k1000.threads(), 150, "threads", true),
                new Goal("stub-heap-peak-n300-k1000", k1000.peakHeapMb(), 256, "MiB", true),
                new Goal(
                        "stub-wall-over-network-floor-n300-k100-20ms",
                        latency.wall().median() / floor,
                        1.5,
                        "ratio",
                        true),
                new Goal(
                        "stub-put-metric-data-calls-per-batch",
                        after.putMetricDataPerBatch(),
                        Math.ceil(DATUMS_PER_BATCH / 1000.0),
                        "calls",
                        true),
                new Goal("stub-cold-start-first-batch-n300", cold, 3000, "ms", true));
    }

    /** The first batch of a fresh JVM: a child process, so nothing is loaded or JIT-compiled. */
    static double coldStartMillis() throws Exception {
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx512m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                SdkCpuScenario.class.getName(),
                                "cold")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(child.getInputStream().readAllBytes());
        child.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("cold-first-batch-ms ")) {
                return Double.parseDouble(line.substring("cold-first-batch-ms ".length()));
            }
        }
        throw new IllegalStateException("the cold-start child printed no figure: " + output);
    }

    static void print(PrintStream out, String title, List<Measured> all) {
        out.println(title);
        out.println();
        Table table =
                new Table(
                        "client layer",
                        "protocol",
                        "records",
                        "CPU ms/batch (mean)",
                        "median, min..max",
                        "µs per record×destination",
                        "Java threads CPU ms (mean)",
                        "MiB allocated/batch",
                        "wall ms (median)",
                        "PutRecords/batch",
                        "PutMetricData/batch",
                        "threads",
                        "heap MiB retained / peak",
                        "first batch ms");
        for (Measured m : all) {
            table.row(
                    m.variant().name(),
                    m.variant().cbor() ? "CBOR" : "JSON",
                    m.variant().records(),
                    m.cpuMean(),
                    String.format("%.0f, %s", m.cpu().median(), m.cpu().spread()),
                    String.format("%.2f", m.microsPerRecordDestination()),
                    m.javaThreadsCpuMean(),
                    String.format("%.1f", m.allocatedMbPerBatch()),
                    m.wall().median(),
                    String.format("%.1f", m.putRecordsPerBatch()),
                    String.format("%.2f", m.putMetricDataPerBatch()),
                    m.threads(),
                    m.retainedHeapMb() + " / " + m.peakHeapMb(),
                    m.firstBatchMs());
        }
        table.print(out);
    }

    /**
     * One variant, for profiling: {@code java -Dbench.jfr=out.jfr ... fanout.bench.SdkCpuScenario
     * shared cbor 60}; or {@code cold}: the first batch of a fresh JVM, which the benchmark runs as
     * a child process.
     */
    public static void main(String[] args) {
        java.util.logging.LogManager.getLogManager().reset();
        if (args.length > 0 && args[0].equals("cold")) {
            Measured m = measure(SdkVariants.SHARED_CBOR, new Rounds(0, 1));
            System.out.printf("cold-first-batch-ms %.1f%n", m.firstBatchMs());
            return;
        }
        if (args[0].equals("k1000")) { // run with -Xmx256m: the heap goal
            print(
                    System.out,
                    "#### K=1000 in " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap",
                    List.of(measure(SdkVariants.SHARED_CBOR.withRecords(1000), new Rounds(5, 5))));
            return;
        }
        SdkVariants.Variant variant =
                switch (args[0]) {
                    case "per-role" ->
                            args[1].equals("cbor")
                                    ? SdkVariants.BEFORE_CBOR
                                    : SdkVariants.BEFORE_JSON;
                    case "interval" -> SdkVariants.SHARED_CBOR_METRICS_10_S;
                    default ->
                            args[1].equals("cbor")
                                    ? SdkVariants.SHARED_CBOR
                                    : SdkVariants.SHARED_JSON;
                };
        print(
                System.out,
                "#### " + variant.name(),
                List.of(measure(variant, new Rounds(30, Integer.parseInt(args[2])))));
    }
}
