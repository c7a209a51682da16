package fanout.bench;

import java.io.PrintStream;

/**
 * A class of 300 destinations, one batch of 100 records, each PutRecords call taking a fixed round
 * trip: end to end, the handler must cost a few rounds, not one per destination. Baseline: one
 * destination at a time, i.e. ~300 round trips.
 */
final class ConcurrencyScenario {
    static final int DESTINATIONS = 300;
    static final int RECORDS = 100;
    static final long LATENCY_MILLIS = 20;
    static final int[] CONCURRENCY = {1, 32, 64};

    private ConcurrencyScenario() {}

    static void run(PrintStream out) throws Exception {
        out.printf(
                "## 1. Concurrency: %d destinations, %d records, %d ms per PutRecords round trip%n%n",
                DESTINATIONS, RECORDS, LATENCY_MILLIS);
        byte[] event = BenchEvents.event(RECORDS);
        Table table =
                new Table(
                        "FANOUT_MAX_CONCURRENCY",
                        "median ms",
                        "min..max ms",
                        "baseline ms (concurrency 1)",
                        "ratio to baseline",
                        "rounds-equivalent",
                        "ideal rounds");
        Rounds.Figure baseline = null;
        for (int concurrency : CONCURRENCY) {
            Rounds rounds = concurrency == 1 ? Rounds.of(1, 3) : Rounds.of(5, 15);
            Rounds.Figure figure = measure(concurrency, event, rounds);
            baseline = baseline == null ? figure : baseline;
            table.row(
                    concurrency == 32 ? "32 (default)" : Integer.toString(concurrency),
                    figure.median(),
                    figure.spread(),
                    baseline.median(),
                    String.format("%.3f", figure.median() / baseline.median()),
                    figure.median() / LATENCY_MILLIS,
                    (DESTINATIONS + concurrency - 1) / concurrency);
        }
        table.print(out);
    }

    private static Rounds.Figure measure(int concurrency, byte[] event, Rounds rounds)
            throws Exception {
        BenchKinesis kinesis = new BenchKinesis(LATENCY_MILLIS);
        try (HandlerRig rig = new HandlerRig(kinesis, DESTINATIONS, concurrency, 60)) {
            return rounds.run(
                    () -> {
                        HandlerRig.Invocation invocation = rig.invoke(event);
                        if (invocation.handedBack() != 0) {
                            throw new IllegalStateException(
                                    "records handed back: " + invocation.response());
                        }
                        rig.requireDelivered(rig.streams(), RECORDS);
                        return invocation.nanos();
                    });
        }
    }
}
