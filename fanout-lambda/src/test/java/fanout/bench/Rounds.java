package fanout.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Warm-up rounds, then measured rounds; a figure is the median, which one noisy round on a shared
 * machine does not move.
 */
record Rounds(int warmUp, int measured) {
    Rounds {
        if (warmUp < 0 || measured < 1) {
            throw new IllegalArgumentException("need warmUp >= 0 and measured >= 1");
        }
    }

    /** The rounds, scaled by the system property {@code bench.scale} (e.g. 0.5 for a quick run). */
    static Rounds of(int warmUp, int measured) {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
        // At least one warm-up round whenever one was asked for: the first invocation of a new
        // handler reads the mappings and starts its threads.
        int scaledWarmUp = warmUp == 0 ? 0 : Math.max(1, (int) Math.round(warmUp * scale));
        return new Rounds(scaledWarmUp, Math.max(1, (int) Math.round(measured * scale)));
    }

    /** What a round measures, in nanoseconds (not always its wall time). */
    @FunctionalInterface
    interface Round {
        long nanos() throws Exception;
    }

    Figure run(Round round) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            round.nanos();
        }
        long[] samples = new long[measured];
        for (int i = 0; i < measured; i++) {
            samples[i] = round.nanos();
        }
        return Figure.of(samples);
    }

    /** Milliseconds: median, minimum, maximum of the measured rounds. */
    record Figure(double median, double min, double max, int rounds) {
        static Figure of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            return new Figure(millis(median), millis(sorted[0]), millis(sorted[n - 1]), n);
        }

        private static double millis(double nanos) {
            return nanos / 1_000_000.0;
        }

        String spread() {
            return String.format("%.1f..%.1f", min, max);
        }
    }

    static <T> T unchecked(Callable<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
