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
     * Invariants of issue 10 the current forwarder misses in this short run, per fault ("lost",
     * "duplicates", "threads"): the fixes of issue 10 make them hold. Remove an entry when its fix
     * is merged. Empty today: at 20 students and two batches these faults lose and duplicate
     * nothing and stay under the thread budget (the full run at 300 students misses many more; see
     * the README's Tests section). The timed expectations (shard held, healthy latency) are
     * printed, not asserted: on a shared CI machine they measure the load.
     */
    static final Map<String, Set<String>> KNOWN_MISSES = Map.of();

    static final List<String> FAULTS =
            List.of("denied", "stream-deleted-mid-class", "non-json-hello-retail");

    @Test
    void noFaultOfTheShortSuiteLosesOrDuplicatesARecordOrExceedsTheThreadBudget() throws Exception {
        FaultSuite.Settings settings =
                new FaultSuite.Settings(
                        20,
                        2,
                        100,
                        1000,
                        60_000,
                        Duration.ofMillis(20),
                        6,
                        Duration.ofMinutes(3),
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
            assertThat(r.sent()).as(r.fault() + ": records times students").isEqualTo(200L * 20);
            if (!known.contains("lost")) {
                assertThat(r.lost()).as(r.fault() + ": lost without being counted").isZero();
            }
            if (!known.contains("duplicates")) {
                assertThat(r.duplicatedToHealthy())
                        .as(r.fault() + ": duplicates to healthy students")
                        .isZero();
            }
            if (!known.contains("threads")) {
                assertThat(r.threads())
                        .as(r.fault() + ": peak threads of the handler JVM")
                        .isLessThanOrEqualTo(FaultResult.MAX_THREADS);
            }
        }
        FaultResult deleted =
                results.stream()
                        .filter(r -> r.fault().equals("stream-deleted-mid-class"))
                        .findFirst()
                        .orElseThrow();
        assertThat(deleted.delivered())
                .as("the deleted stream got the first batch, everyone else both")
                .isEqualTo(200L * 19 + 100);
    }
}
