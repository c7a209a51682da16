package fanout.faults;

import fanout.loopback.LoopbackClass;
import fanout.loopback.Traffic;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * One fault: what it does to the class before each batch, the planned records it changes, the
 * students it breaks (the others are the healthy ones), and any change to the function's
 * environment or timeout.
 *
 * @param functionTimeoutMillis the remaining time of the invocations after the first batch (which
 *     warms the environment with the suite's timeout)
 * @param beforeBatch called with the class and the number of batches done before each new batch
 */
public record FaultScenario(
        String name,
        Set<String> victims,
        BiConsumer<LoopbackClass, Integer> beforeBatch,
        UnaryOperator<List<Traffic.Planned>> plan,
        Map<String, String> environment,
        OptionalLong functionTimeoutMillis) {
    public FaultScenario {
        Objects.requireNonNull(name, "name is required");
        victims = Set.copyOf(victims);
        Objects.requireNonNull(beforeBatch, "beforeBatch is required");
        Objects.requireNonNull(plan, "plan is required");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(functionTimeoutMillis, "functionTimeoutMillis is required");
    }

    static FaultScenario of(String name, BiConsumer<LoopbackClass, Integer> beforeBatch) {
        return new FaultScenario(
                name, Set.of(), beforeBatch, p -> p, Map.of(), OptionalLong.empty());
    }

    FaultScenario victim(String student) {
        return new FaultScenario(
                name, Set.of(student), beforeBatch, plan, environment, functionTimeoutMillis);
    }

    FaultScenario plan(UnaryOperator<List<Traffic.Planned>> change) {
        return new FaultScenario(
                name, victims, beforeBatch, change, environment, functionTimeoutMillis);
    }

    FaultScenario timeout(long millis) {
        return new FaultScenario(
                name, victims, beforeBatch, plan, environment, OptionalLong.of(millis));
    }
}
