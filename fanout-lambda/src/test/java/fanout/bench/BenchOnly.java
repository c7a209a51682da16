package fanout.bench;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code -Dbench.only=stub,loopback-k100}: which scenarios run (all when empty). A name also
 * selects every scenario it prefixes: {@code loopback} runs the three loopback runs.
 */
final class BenchOnly {
    static final String PROPERTY = "bench.only";

    /** Every name a scenario answers to, for the message on a name that matches none. */
    static final Set<String> NAMES =
            Set.of(
                    "concurrency",
                    "preparation",
                    "isolation",
                    "stub",
                    "paths",
                    "loopback",
                    "loopback-k100",
                    "loopback-c2-k100",
                    "loopback-c2-sdk-k100",
                    "loopback-k1000",
                    "loopback-model",
                    "loopback-cold");

    private BenchOnly() {}

    static Set<String> selected() {
        String only = System.getProperty(PROPERTY, "").trim();
        if (only.isEmpty()) {
            return Set.of();
        }
        Set<String> names =
                Arrays.stream(only.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
        for (String name : names) {
            if (NAMES.stream().noneMatch(n -> n.startsWith(name))) {
                throw new IllegalArgumentException(
                        "-D"
                                + PROPERTY
                                + ": no scenario is called '"
                                + name
                                + "'; known: "
                                + NAMES.stream().sorted().toList());
            }
        }
        return names;
    }

    /** Whether the scenario called {@code name} runs. */
    static boolean runs(String name) {
        Set<String> names = selected();
        return names.isEmpty() || names.stream().anyMatch(name::startsWith);
    }
}
