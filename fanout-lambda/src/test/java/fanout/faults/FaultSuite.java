package fanout.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.localaws.LocalAws;
import fanout.loopback.EsmDriver;
import fanout.loopback.LoopbackClass;
import fanout.loopback.Traffic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs faults against the real handler: per fault a fresh sink and tables, the class's traffic
 * driven through the event source mapping driver, the no-fault run first as the latency baseline.
 * {@code mvn -B -P faults -pl fanout-lambda -am verify} runs {@link #main} at 300 students.
 */
public final class FaultSuite {
    /**
     * @param mappingTtlSeconds short, so a mapping table that fails mid-class is read again
     */
    public record Settings(
            int students,
            int batches,
            int batchSize,
            long intervalMillis,
            long functionTimeoutMillis,
            Duration latency,
            int maxInvocationsPerBatch,
            Duration scenarioDeadline,
            int mappingTtlSeconds,
            List<String> only,
            Path out) {
        public Settings {
            only = List.copyOf(only);
            Objects.requireNonNull(out, "out is required");
            if (students < 8) {
                throw new IllegalArgumentException(
                        "the faults break student s007: at least 8 students");
            }
        }

        /** Issue 10's run: 300 students, 100 records a batch, 20 ms per call, 60 s timeout. */
        static Settings full(Path out) {
            return new Settings(
                    300,
                    5,
                    100,
                    1000,
                    60_000,
                    Duration.ofMillis(20),
                    6,
                    Duration.ofMinutes(4),
                    2,
                    List.of(),
                    out);
        }
    }

    private final Settings settings;
    private final PrintStream log;

    public FaultSuite(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Runs the selected faults (the no-fault baseline always, first). */
    public List<FaultResult> run() throws IOException {
        Files.createDirectories(settings.out().resolve("logs"));
        List<FaultScenario> scenarios = new ArrayList<>();
        for (FaultScenario s : FaultScenarios.all()) {
            if (s.name().equals(FaultScenarios.NO_FAULT)
                    || settings.only().isEmpty()
                    || settings.only().contains(s.name())) {
                scenarios.add(s);
            }
        }
        List<FaultResult> results = new ArrayList<>();
        try (LocalAws local = LocalAws.start()) {
            // The first run of a suite also warms this JVM's loopback AWS and the emulators, which
            // would slow the baseline alone and flatter every ratio: a warm-up run is not counted.
            long warming = System.nanoTime();
            runOne(local, scenarios.get(0));
            log.printf(
                    "%-30s warm-up in %.0f s (not counted)%n",
                    scenarios.get(0).name(), (System.nanoTime() - warming) / 1e9);
            double baseline = Double.NaN;
            for (FaultScenario scenario : scenarios) {
                long start = System.nanoTime();
                FaultResult result = runOne(local, scenario);
                if (scenario.name().equals(FaultScenarios.NO_FAULT)) {
                    baseline = result.healthyLatencyMs();
                }
                result = result.withRatio(result.healthyLatencyMs() / baseline);
                results.add(result);
                log.printf(
                        "%-30s %s in %.0f s (%s)%n",
                        scenario.name(),
                        result.pass() ? "pass" : "MISS " + result.misses(),
                        (System.nanoTime() - start) / 1e9,
                        result.notes());
            }
        }
        return results;
    }

    private FaultResult runOne(LocalAws local, FaultScenario scenario) {
        try (LoopbackClass lesson =
                LoopbackClass.create(local.dynamoEndpoint(), settings.students())) {
            lesson.sink().faults().latency(settings.latency());
            Map<String, String> env =
                    new java.util.HashMap<>(
                            Map.of(
                                    "FANOUT_MAPPING_CACHE_TTL_SECONDS",
                                    "" + settings.mappingTtlSeconds()));
            env.putAll(scenario.environment());
            Path log = settings.out().resolve("logs").resolve(scenario.name() + ".log");
            EsmDriver driver = new EsmDriver(lesson, () -> lesson.environmentProcess(env, log));
            List<Traffic.Planned> plan =
                    scenario.plan()
                            .apply(
                                    Traffic.batches(
                                            settings.batches(),
                                            settings.batchSize(),
                                            settings.intervalMillis()));
            EsmDriver.Options options =
                    new EsmDriver.Options(
                            settings.batchSize(),
                            settings.functionTimeoutMillis(),
                            scenario.functionTimeoutMillis()
                                    .orElse(settings.functionTimeoutMillis()),
                            settings.maxInvocationsPerBatch(),
                            settings.scenarioDeadline(),
                            Duration.ofMillis(50));
            EsmDriver.Report report =
                    driver.run(plan, options, done -> scenario.beforeBatch().accept(lesson, done));
            EsmDriver.write(
                    report,
                    lesson.sink(),
                    settings.out().resolve("logs").resolve(scenario.name() + ".invocations.json"));
            return FaultMeasure.measure(scenario, lesson, plan, report);
        }
    }

    /** The table printed after a run. */
    public static String table(List<FaultResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        "%-30s %7s %9s %7s %6s %6s %7s %9s %7s  %s%n",
                        "fault",
                        "sent",
                        "delivered",
                        "counted",
                        "lost",
                        "dups",
                        "latency",
                        "heldMs",
                        "threads",
                        "pass"));
        for (FaultResult r : results) {
            out.append(
                    String.format(
                            "%-30s %7d %9d %7d %6d %6d %6.2fx %9d %7d  %s%n",
                            r.fault(),
                            r.sent(),
                            r.delivered(),
                            r.counted(),
                            r.lost(),
                            r.duplicatedToHealthy(),
                            r.healthyLatencyRatio(),
                            r.shardHeldMs(),
                            r.threads(),
                            r.pass() ? "pass" : "MISS: " + String.join("; ", r.misses())));
        }
        return out.toString();
    }

    /** {@code {"faults": [...]}} as issue 10 names the fields, plus the misses and notes. */
    public static void write(List<FaultResult> results, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode faults = root.putArray("faults");
        for (FaultResult r : results) {
            ObjectNode f = faults.addObject();
            f.put("fault", r.fault());
            f.put("sent", r.sent());
            f.put("delivered", r.delivered());
            f.put("counted", r.counted());
            f.put("lost", r.lost());
            f.put("duplicatedToHealthy", r.duplicatedToHealthy());
            f.put("healthyLatencyRatio", Math.round(r.healthyLatencyRatio() * 100) / 100.0);
            f.put("shardHeldMs", r.shardHeldMs());
            f.put("threads", r.threads());
            f.put("pass", r.pass());
            f.put("healthyLatencyMs", Math.round(r.healthyLatencyMs()));
            r.misses().forEach(f.withArray("misses")::add);
            f.put("notes", r.notes());
        }
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), root);
    }

    /**
     * System properties: {@code faults.students}, {@code faults.batches}, {@code faults.only}
     * (comma-separated names), {@code faults.out}; {@code faults.failOnMiss=false} reports without
     * failing the build.
     */
    public static void main(String[] args) throws IOException {
        Settings full = Settings.full(Path.of(System.getProperty("faults.out", "target/faults")));
        String only = System.getProperty("faults.only", "");
        Settings settings =
                new Settings(
                        Integer.getInteger("faults.students", full.students()),
                        Integer.getInteger("faults.batches", full.batches()),
                        full.batchSize(),
                        full.intervalMillis(),
                        full.functionTimeoutMillis(),
                        full.latency(),
                        full.maxInvocationsPerBatch(),
                        full.scenarioDeadline(),
                        full.mappingTtlSeconds(),
                        only.isBlank() ? List.of() : List.of(only.split(",")),
                        full.out());
        List<FaultResult> results = new FaultSuite(settings, System.out).run();
        System.out.println();
        System.out.print(table(results));
        write(results, settings.out().resolve("results.json"));
        System.out.println("written " + settings.out().resolve("results.json"));
        boolean failOnMiss = Boolean.parseBoolean(System.getProperty("faults.failOnMiss", "true"));
        System.exit(failOnMiss && results.stream().anyMatch(r -> !r.pass()) ? 1 : 0);
    }
}
