package fanout.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short version for every build: 20 students, a few faults, the real handler in
 * its own JVM on the loopback sink. Asserts the invariants that hold today; the full run at 300
 * students is {@code mvn -B -P faults -pl fanout-lambda -am verify}.
 */
class FaultSuiteIT {
    /**
     * Expectations of issue 10 the current forwarder misses, per fault: the fixes of issue 10
     * (per-destination slices, bounded threads) make them hold. Remove an entry when its fix is
     * merged; the run's table shows the figures either way.
     */
    static final Map<String, Set<String>> KNOWN_MISSES =
            Map.of("throttled-100pct", Set.of("shardHeld"));

    static final List<String> FAULTS =
            List.of("denied", "non-json-hello-retail", "throttled-100pct");

    @Test
    void noFaultInTheShortSuiteLosesOrDuplicatesARecordOrExceedsTheThreadBudget() throws Exception {
        FaultSuite.Settings settings =
                new FaultSuite.Settings(
                        20,
                        2,
                        100,
                        1000,
                        10_000,
                        Duration.ofMillis(20),
                        6,
                        Duration.ofMinutes(2),
                        2,
                        FAULTS,
                        Path.of("target", "faults-it"));
        List<FaultResult> results = new FaultSuite(settings, System.out).run();
        System.out.print(FaultSuite.table(results));
        FaultSuite.write(results, settings.out().resolve("results.json"));

        assertThat(results)
                .extracting(FaultResult::fault)
                .contains(FaultScenarios.NO_FAULT)
                .containsAll(FAULTS);
        for (FaultResult r : results) {
            Set<String> known = KNOWN_MISSES.getOrDefault(r.fault(), Set.of());
            assertThat(r.sent()).as(r.fault() + " sent").isEqualTo(200L * 20);
            if (!known.contains("lost")) {
                assertThat(r.lost())
                        .as(r.fault() + ": records lost without being counted")
                        .isZero();
            }
            if (!known.contains("duplicates")) {
                assertThat(r.duplicatedToHealthy())
                        .as(r.fault() + ": duplicates to healthy students")
                        .isZero();
            }
            if (!known.contains("threads")) {
                assertThat(r.threads())
                        .as(r.fault() + ": peak threads")
                        .isLessThanOrEqualTo(FaultResult.MAX_THREADS);
            }
            if (!known.contains("shardHeld")) {
                assertThat(r.shardHeldMs())
                        .as(r.fault() + ": shard held")
                        .isLessThanOrEqualTo(FaultResult.MAX_SHARD_HELD_MS);
            }
        }
    }
}
