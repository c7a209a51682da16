package fanout.bench;

import fanout.localaws.LocalAws;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold start as deployed, apart from the rows ({@code loopback-cold}): the first batch of
 * {@link #RUNS} fresh environments, one after the other on the warm sink, alternating with as many
 * references (one cold start is a single sample on a noisy machine).
 *
 * @param primed the first batches as deployed (priming on)
 * @param reference the first batches with {@link #REFERENCE}'s flags
 */
record ColdStarts(List<Double> primed, List<Double> reference) {
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
    }

    static ColdStarts measure(LocalAws local, Path dir) {
        List<Double> primed = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            reference.add(cold(local, dir, "cold start, reference " + i, REFERENCE));
            primed.add(cold(local, dir, "cold start as deployed " + i, "-Dfanout.priming=true"));
        }
        return new ColdStarts(primed, reference);
    }

    private static double cold(LocalAws local, Path dir, String name, String extra) {
        List<String> flags = new ArrayList<>(SdkBenchmark.DEPLOYED_FLAGS);
        flags.addAll(List.of(extra.trim().split("\\s+")));
        return SdkBenchmark.run(local, dir, name, 100, 0, 1, flags, SdkBenchmark.deployed(false))
                .report()
                .firstBatchMs();
    }

    double primedMedian() {
        return median(primed);
    }

    void print(PrintStream out) {
        out.printf(
                "%nCold starts as deployed (fresh environments, one batch each, the sink warm,"
                        + " alternating):%n- primed (as deployed): first batch %s ms, median %.0f ms%n"
                        + "- reference (%s): %s ms, median %.0f ms%n",
                rounded(primed), median(primed), REFERENCE, rounded(reference), median(reference));
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(ms -> String.format("%.0f", ms)).toList();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
