package fanout.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One broken destination among 50 healthy ones: the healthy ones must finish as fast as when every
 * destination is healthy. The broken one is the first mapping, so it takes a worker first. Timed
 * per destination: when the last healthy stream's last call answered, from the invocation's start.
 */
final class IsolationScenario {
    static final int HEALTHY = 50;
    static final int RECORDS = 100;
    static final long LATENCY_MILLIS = 20;
    static final long SLOW_MILLIS = 2_000;

    /** Kept short so a throttled destination's retries end within a round. */
    static final int BUDGET_SECONDS = 3;

    private IsolationScenario() {}

    static void run(PrintStream out) throws Exception {
        out.printf(
                "## 3. Isolation: %d healthy destinations (%d ms round trip) + 1 more,"
                        + " %d records, default concurrency, %d s budget%n%n",
                HEALTHY, LATENCY_MILLIS, RECORDS, BUDGET_SECONDS);
        byte[] event = BenchEvents.event(RECORDS);
        Table table =
                new Table(
                        "the extra destination",
                        "healthy done, median ms",
                        "min..max ms",
                        "baseline ms (all healthy)",
                        "ratio to baseline",
                        "handler returns, median ms",
                        "handed back");
        Rounds.Figure baseline = null;
        for (Broken broken : Broken.values()) {
            Result result = measure(broken, event);
            baseline = baseline == null ? result.healthyDone() : baseline;
            table.row(
                    broken.label,
                    result.healthyDone().median(),
                    result.healthyDone().spread(),
                    baseline.median(),
                    String.format("%.2f", result.healthyDone().median() / baseline.median()),
                    result.handler().median(),
                    result.handedBack() ? "yes (the broken one's records)" : "no");
        }
        table.print(out);
    }

    enum Broken {
        NONE("healthy (baseline)", null),
        THROTTLING("throttles every entry", new BenchKinesis.Behavior(LATENCY_MILLIS, true)),
        SLOW("2 s round trip", new BenchKinesis.Behavior(SLOW_MILLIS, false));

        final String label;
        final BenchKinesis.Behavior behavior;

        Broken(String label, BenchKinesis.Behavior behavior) {
            this.label = label;
            this.behavior = behavior;
        }
    }

    record Result(Rounds.Figure healthyDone, Rounds.Figure handler, boolean handedBack) {}

    private static Result measure(Broken broken, byte[] event) throws Exception {
        BenchKinesis kinesis = new BenchKinesis(LATENCY_MILLIS);
        try (HandlerRig rig = new HandlerRig(kinesis, HEALTHY + 1, 32, BUDGET_SECONDS)) {
            if (broken.behavior != null) {
                kinesis.behave(HandlerRig.stream(0), broken.behavior);
            }
            List<String> healthy = rig.streams().subList(1, HEALTHY + 1);
            boolean[] handedBack = new boolean[1];
            List<Long> handlerSamples = new ArrayList<>();
            Rounds rounds = broken == Broken.NONE ? Rounds.of(3, 9) : Rounds.of(1, 5);
            Rounds.Figure done =
                    rounds.run(
                            () -> {
                                HandlerRig.Invocation invocation = rig.invoke(event);
                                rig.requireDelivered(healthy, RECORDS);
                                handlerSamples.add(invocation.nanos());
                                handedBack[0] = invocation.handedBack() > 0;
                                return rig.lastDeliveryNanos(healthy, invocation.start());
                            });
            // The handler's own time over the same measured rounds (the warm-up ones dropped).
            long[] measured =
                    handlerSamples
                            .subList(handlerSamples.size() - done.rounds(), handlerSamples.size())
                            .stream()
                            .mapToLong(Long::longValue)
                            .toArray();
            return new Result(done, Rounds.Figure.of(measured), handedBack[0]);
        }
    }
}
