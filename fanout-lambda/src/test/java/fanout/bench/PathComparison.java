package fanout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 6: the SDK path against the direct PutRecords path, each in fresh JVMs started one after
 * the other (sdk, direct, sdk, direct, ...) so a change of load hits both alike, with the deployed
 * configuration (C2, metrics every 5 s) on the stub. Each JVM's first batch is a cold start (300
 * roles assumed, every class loaded and interpreted); after its warm batches it builds a new client
 * layer and sends one batch more, which assumes the 300 roles again in a warm JVM: the difference
 * between the two is the JVM's share of the cold start.
 */
final class PathComparison {
    /** Lambda's java runtime with deploy's JAVA_TOOL_OPTIONS (C2); serial GC as Lambda's. */
    static final List<String> JVM_FLAGS =
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4");

    private static final String MARK = "path-figures ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JVM's figures; milliseconds unless named otherwise. */
    record Figures(
            String path,
            double cpuMean,
            double cpuMedian,
            double cpuMin,
            double cpuMax,
            double javaThreadsCpuMean,
            double wallMedian,
            double putRecordsPerBatch,
            double putMetricDataPerBatch,
            int threads,
            long peakHeapMb,
            double allocatedMbPerBatch,
            double coldFirstBatchMs,
            double jvmStartMs,
            long classesLoaded,
            double newRolesWarmJvmMs) {}

    private PathComparison() {}

    static List<Figures> run(PrintStream out, int pairs, Rounds rounds) throws Exception {
        List<Figures> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            for (String path : SdkVariants.PATHS) {
                all.add(child(path, rounds));
            }
        }
        PathReport.print(out, all);
        return all;
    }

    private static Figures child(String path, Rounds rounds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        PathComparison.class.getName(),
                        path,
                        Integer.toString(rounds.warmUp()),
                        Integer.toString(rounds.measured())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        child.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith(MARK)) {
                return JSON.readValue(line.substring(MARK.length()), Figures.class);
            }
        }
        throw new IllegalStateException("the " + path + " JVM printed no figures: " + output);
    }

    /** A child JVM: {@code sdk|direct warmUp measured}. */
    public static void main(String[] args) throws IOException {
        double jvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        java.util.logging.LogManager.getLogManager().reset();
        SdkVariants.Variant variant = SdkVariants.BY_PATH.get(args[0]);
        if (variant == null) {
            throw new IllegalArgumentException("path must be one of " + SdkVariants.PATHS);
        }
        SdkCpuScenario.Measured m =
                SdkCpuScenario.measure(
                        variant, new Rounds(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        SdkCpuScenario.Measured again = SdkCpuScenario.measure(variant, new Rounds(0, 1));
        Figures figures =
                new Figures(
                        args[0],
                        m.cpuMean(),
                        m.cpu().median(),
                        m.cpu().min(),
                        m.cpu().max(),
                        m.javaThreadsCpuMean(),
                        m.wall().median(),
                        m.putRecordsPerBatch(),
                        m.putMetricDataPerBatch(),
                        m.threads(),
                        m.peakHeapMb(),
                        m.allocatedMbPerBatch(),
                        m.firstBatchMs(),
                        jvmStart,
                        classes,
                        again.firstBatchMs());
        System.out.println(MARK + JSON.writeValueAsString(figures));
    }
}
