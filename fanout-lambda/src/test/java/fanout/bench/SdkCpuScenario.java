package fanout.bench;

import fanout.forward.KinesisClientFactory;
import fanout.forward.StsKinesisClientFactory;
import fanout.forward.StubAwsHttpClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Scenario 4: the CPU a batch costs through the real SDK. The real handler, real Kinesis, STS and
 * CloudWatch clients, and an in-process HTTP stub answering PutRecords, AssumeRole and
 * PutMetricData (no network, so what is measured is our code plus the SDK's pipeline: marshalling,
 * signing, credentials, unmarshalling). Process CPU per batch (all threads, GC and JIT included)
 * after warm-up, for the client layer before issue 10 (reference) and after, with JSON (the
 * sandbox, kinesalite) and CBOR (the SDK's default on AWS).
 */
final class SdkCpuScenario {
    static final int STUDENTS = 300;
    static final int RECORDS = 100;

    private static final AwsCredentialsProvider OWN =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOWN", "secret"));

    private SdkCpuScenario() {}

    /** Builds the client layer under test on the stub. */
    interface Layer {
        KinesisClientFactory build(StubAwsHttpClient http, ScheduledExecutorService timers);
    }

    static final Layer PER_ROLE_CLIENTS =
            (http, timers) -> new PerRoleClientFactory(http, OWN, "us-west-2");

    static final Layer SHARED_CLIENT =
            (http, timers) ->
                    new StsKinesisClientFactory(http, OWN, "us-west-2", timers, Clock.systemUTC());

    /** One variant's figures; milliseconds unless named otherwise. */
    record Measured(
            String layer,
            boolean cbor,
            int students,
            int records,
            double cpuMean,
            Rounds.Figure cpu,
            Rounds.Figure wall,
            double putRecordsPerBatch,
            double putMetricDataPerBatch,
            int threads,
            long retainedHeapMb,
            long peakHeapMb,
            double firstBatchMs) {
        double microsPerRecordDestination() {
            return cpuMean * 1000.0 / ((double) students * records);
        }
    }

    static Measured measure(
            String name,
            Layer layer,
            boolean cbor,
            int students,
            int records,
            Duration latency,
            Rounds rounds) {
        System.setProperty("aws.cborEnabled", Boolean.toString(cbor));
        StubAwsHttpClient http = new StubAwsHttpClient(records).latency(latency);
        ScheduledExecutorService timers = timers();
        KinesisClientFactory factory = layer.build(http, timers);
        CloudWatchClient cloudWatch =
                fanout.AwsServices.cloudWatch(http, OWN, Region.US_WEST_2, timers);
        byte[] event = BenchEvents.event(records);
        try (SdkRig rig = new SdkRig(students, factory, cloudWatch)) {
            long start = System.nanoTime();
            rig.invoke(event);
            double first = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < rounds.warmUp(); i++) {
                rig.invoke(event);
            }
            System.gc();
            resetPeaks();
            jdk.jfr.Recording recording = profile();
            long puts = http.calls("PutRecords");
            long metrics = http.calls("PutMetricData");
            long[] cpu = new long[rounds.measured()];
            long[] wall = new long[rounds.measured()];
            for (int i = 0; i < rounds.measured(); i++) {
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                rig.invoke(event);
                wall[i] = System.nanoTime() - t0;
                cpu[i] = processCpuNanos() - cpu0;
            }
            stopProfile(recording);
            int n = rounds.measured();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            long peak = peakHeapMb();
            System.gc();
            long retained =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            return new Measured(
                    name,
                    cbor,
                    students,
                    records,
                    java.util.Arrays.stream(cpu).average().orElse(0) / 1e6,
                    Rounds.Figure.of(cpu),
                    Rounds.Figure.of(wall),
                    (http.calls("PutRecords") - puts) / (double) n,
                    (http.calls("PutMetricData") - metrics) / (double) n,
                    threads,
                    retained,
                    peak,
                    first);
        } finally {
            factory.close();
            cloudWatch.close();
            timers.shutdownNow();
            System.clearProperty("aws.cborEnabled");
        }
    }

    static List<Measured> run(PrintStream out, Rounds rounds) {
        List<Measured> all = new ArrayList<>();
        for (boolean cbor : new boolean[] {false, true}) {
            all.add(
                    measure(
                            "per-role clients (before, reference)",
                            PER_ROLE_CLIENTS,
                            cbor,
                            STUDENTS,
                            RECORDS,
                            Duration.ZERO,
                            rounds));
            all.add(
                    measure(
                            "shared regional client",
                            SHARED_CLIENT,
                            cbor,
                            STUDENTS,
                            RECORDS,
                            Duration.ZERO,
                            rounds));
        }
        print(out, all);
        return all;
    }

    static void print(PrintStream out, List<Measured> all) {
        out.printf(
                "#### 4. CPU per batch through the real SDK: %d students each behind a role, %d"
                        + " records (~450 bytes after the transform), stub answers at once%n%n",
                STUDENTS, RECORDS);
        Table table =
                new Table(
                        "client layer",
                        "protocol",
                        "CPU ms/batch (mean)",
                        "median, min..max",
                        "µs per record×destination",
                        "wall ms",
                        "PutRecords/batch",
                        "PutMetricData/batch",
                        "threads",
                        "heap MiB (retained / peak)",
                        "first batch ms");
        for (Measured m : all) {
            table.row(
                    m.layer(),
                    m.cbor() ? "CBOR" : "JSON",
                    m.cpuMean(),
                    String.format("%.0f, %s", m.cpu().median(), m.cpu().spread()),
                    String.format("%.2f", m.microsPerRecordDestination()),
                    m.wall().median(),
                    String.format("%.0f", m.putRecordsPerBatch()),
                    String.format("%.0f", m.putMetricDataPerBatch()),
                    m.threads(),
                    m.retainedHeapMb() + " / " + m.peakHeapMb(),
                    m.firstBatchMs());
        }
        table.print(out);
    }

    private static ScheduledExecutorService timers() {
        return fanout.AwsServices.timers();
    }

    /** With {@code -Dbench.jfr=FILE}: a JFR recording of the measured rounds only. */
    private static jdk.jfr.Recording profile() {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        try {
            jdk.jfr.Recording recording =
                    new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot start JFR: " + e.getMessage(), e);
        }
    }

    private static void stopProfile(jdk.jfr.Recording recording) {
        if (recording == null) {
            return;
        }
        recording.stop();
        try {
            recording.dump(java.nio.file.Path.of(System.getProperty("bench.jfr")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            recording.close();
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(p -> p.resetPeakUsage());
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** Just this scenario, for profiling: {@code java ... fanout.bench.SdkCpuScenario}. */
    public static void main(String[] args) {
        java.util.logging.LogManager.getLogManager().reset();
        if (args.length == 0) {
            run(System.out, Rounds.of(10, 15));
            return;
        }
        // e.g. "shared cbor 60": one variant, many rounds, under a JFR recording
        Layer layer = args[0].equals("per-role") ? PER_ROLE_CLIENTS : SHARED_CLIENT;
        boolean cbor = args[1].equals("cbor");
        print(
                System.out,
                List.of(
                        measure(
                                args[0],
                                layer,
                                cbor,
                                STUDENTS,
                                RECORDS,
                                Duration.ZERO,
                                new Rounds(10, Integer.parseInt(args[2])))));
    }
}
