package fanout.console.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to start a sandbox.
 *
 * @param home the fanout directory holding {@code node_modules} (empty: search from the working
 *     directory)
 * @param students the simulated class
 * @param rate records per second the traffic generator writes to the source
 * @param services builds the in-memory AWS services for the sandbox's clock
 */
public record SandboxSettings(
        Optional<Path> home,
        SimulatedClass students,
        double rate,
        Function<Clock, InMemoryServices> services) {

    public static final double DEFAULT_RATE = 5;

    public SandboxSettings {
        Objects.requireNonNull(home, "home must be present or empty");
        Objects.requireNonNull(students, "students are required");
        Objects.requireNonNull(services, "services are required");
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("--rate must be 0 or more records per second");
        }
    }
}
