package fanout.bench;

import fanout.ForwarderConfig;
import fanout.localaws.LocalAws;
import fanout.loopback.EsmDriver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold start as deployed, apart from the rows ({@code loopback-cold}): the first batch of
 * {@link #RUNS} fresh environments, one after the other on the warm sink, alternating with as many
 * references (one cold start is a single sample on a noisy machine).
 *
 * <p>A third environment each time models SnapStart: Lambda sets {@code
 * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, so the initialisation waits for priming to finish,
 * and only the first invocation counts, as the snapshot replaces the initialisation. What the model
 * leaves out is Lambda's own restore (the snapshot's memory paged back in), reported by Lambda as
 * Restore Duration.
 *
 * @param primed the first batches as deployed (priming on)
 * @param reference the first batches with {@link #REFERENCE}'s flags
 * @param restored the first invocations after a SnapStart initialisation
 * @param snapshotInits those initialisations (done once, when a version is published)
 */
record ColdStarts(
        List<Double> primed,
        List<Double> reference,
        List<Double> restored,
        List<Double> snapshotInits) {
    /** Fresh environments measured as deployed, and as many references. */
    static final int RUNS = Integer.getInteger("bench.coldRuns", 5);

    /**
     * The reference's flags after the deployed ones (the last of a flag wins): by default no
     * priming; {@code -Dbench.coldReference=-XX:TieredStopAtLevel=1} compares Lambda's C1 default.
     */
    static final String REFERENCE =
            System.getProperty("bench.coldReference", "-Dfanout.priming=false");

    ColdStarts {
        primed = List.copyOf(primed);
        reference = List.copyOf(reference);
        restored = List.copyOf(restored);
        snapshotInits = List.copyOf(snapshotInits);
    }

    static ColdStarts measure(LocalAws local, Path dir) {
        List<Double> primed = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        List<Double> restored = new ArrayList<>();
        List<Double> inits = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            reference.add(
                    cold(local, dir, "cold start, reference " + i, REFERENCE, false)
                            .firstBatchMs());
            primed.add(
                    cold(local, dir, "cold start as deployed " + i, "-Dfanout.priming=true", false)
                            .firstBatchMs());
            EsmDriver.Report snap =
                    cold(local, dir, "SnapStart model " + i, "-Dfanout.priming=true", true);
            inits.add(snap.firstInitMs());
            restored.add(snap.invocations().get(0).wallMs());
        }
        return new ColdStarts(primed, reference, restored, inits);
    }

    private static EsmDriver.Report cold(
            LocalAws local, Path dir, String name, String extra, boolean snapshot) {
        List<String> flags = new ArrayList<>(SdkBenchmark.DEPLOYED_FLAGS);
        flags.addAll(List.of(extra.trim().split("\\s+")));
        Map<String, String> environment = new HashMap<>(SdkBenchmark.deployed(false));
        if (snapshot) {
            environment.put(ForwarderConfig.INITIALIZATION_TYPE, ForwarderConfig.SNAP_START);
        }
        return SdkBenchmark.run(local, dir, name, 100, 0, 1, flags, environment).report();
    }

    double primedMedian() {
        return median(primed);
    }

    double restoredMedian() {
        return median(restored);
    }

    void print(PrintStream out) {
        out.printf(
                "%nCold starts as deployed (fresh environments, one batch each, the sink warm,"
                        + " alternating):%n- primed (as deployed): first batch %s ms, median %.0f ms%n"
                        + "- reference (%s): %s ms, median %.0f ms%n",
                rounded(primed), median(primed), REFERENCE, rounded(reference), median(reference));
        out.printf(
                "- SnapStart model (initialised with priming finished, first invocation only): %s"
                        + " ms, median %.0f ms; the initialisations a snapshot would keep: %s ms%n"
                        + "  (Lambda adds its Restore Duration, which no local run can measure)%n",
                rounded(restored), median(restored), rounded(snapshotInits));
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(ms -> String.format("%.0f", ms)).toList();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
