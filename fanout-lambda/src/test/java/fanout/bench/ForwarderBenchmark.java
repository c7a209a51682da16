package fanout.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Prints the forwarder's figures, each next to a baseline measured in the same run (the machine is
 * shared and noisy: absolute numbers vary, ratios much less). Run with {@code mvn -Pbench}; see
 * {@code fanout-lambda/BENCHMARK.md}.
 */
public final class ForwarderBenchmark {
    private ForwarderBenchmark() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        // The forwarder logs handed-back batches and broken destinations: expected here, noise.
        java.util.logging.LogManager.getLogManager().reset();
        out.println("# fanout forwarder benchmark");
        out.println();
        out.printf(
                "- %s, %d cores available, Java %s (%s), max heap %d MiB%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.println("- load average at start (1, 5, 15 min): " + loadAverage());
        out.println(
                "- The real FanoutHandler (new FanoutHandler(env, new ForwarderServices(...)))"
                        + " with fakes: Kinesis destinations with a simulated round trip (a sleep),"
                        + " a DynamoDB fake answering the mappings (not dynalite: less noise),"
                        + " CloudWatch accepting everything.");
        out.println(
                "- Figures are indicative: medians of several rounds after warm-up on a shared"
                        + " machine; compare each with its baseline from the same run.");
        out.println();
        long started = System.nanoTime();
        if (BenchOnly.runs("concurrency")) {
            ConcurrencyScenario.run(out);
        }
        if (BenchOnly.runs("preparation")) {
            PreparationScenario.run(out);
        }
        if (BenchOnly.runs("isolation")) {
            IsolationScenario.run(out);
        }
        if (BenchOnly.runs("stub")) {
            java.util.List<Goal> goals = SdkCpuScenario.run(out, Rounds.of(30, 15));
            Table table = new Table("goal", "measured", "goal", "unit", "pass");
            goals.forEach(g -> table.row(g.id(), g.measured(), g.goal(), g.unit(), g.pass()));
            table.print(out);
            Goal.merge(results(), goals);
            out.println("- goals written to " + results());
        }
        if (BenchOnly.runs("paths")) {
            List<Goal> goals = PathReport.goals(PathComparison.run(out, 2, Rounds.of(30, 15)));
            Goal.merge(results(), goals);
            out.println("- goals written to " + results());
        }
        out.printf("- took %.1f min%n", (System.nanoTime() - started) / 60e9);
        out.println("- load average at the end (1, 5, 15 min): " + loadAverage());
    }

    private static Path results() {
        return Path.of(System.getProperty("bench.results", "target/bench/results.json"));
    }

    /** Other builds on the machine show here: the first thing to check when figures look off. */
    private static String loadAverage() {
        Path loadavg = Path.of("/proc/loadavg");
        try {
            String[] fields = Files.readString(loadavg).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + loadavg + ": " + e.getMessage() + ")";
        }
    }
}
