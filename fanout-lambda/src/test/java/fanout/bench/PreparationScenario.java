package fanout.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.record.KinesisEvents;
import fanout.record.PreparedRecord;
import fanout.record.RecordPreparer;
import fanout.record.RecordTransform;
import fanout.record.SourceRecord;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The decode-and-transform step for one batch and N destinations. The forwarder decodes the event
 * and runs {@link RecordPreparer} once, then every destination shares the prepared records; the
 * naive baseline (written here, not in the product) prepares the batch again for each destination,
 * as a forwarder that transforms per destination would.
 */
final class PreparationScenario {
    static final int RECORDS = 100;
    static final int[] DESTINATIONS = {1, 10, 100, 300};

    static final Duration WARM_UP = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreparationScenario() {}

    static void run(PrintStream out) throws Exception {
        out.printf(
                "## 2. Work per record: decode + hello-retail transform of %d records for N"
                        + " destinations%n%n",
                RECORDS);
        JsonNode event = JSON.readTree(BenchEvents.event(RECORDS));
        RecordPreparer preparer =
                new RecordPreparer(
                        RecordTransform.named(RecordTransform.HELLO_RETAIL, Clock.systemUTC()));
        Table table =
                new Table(
                        "destinations",
                        "once per batch, median ms",
                        "µs per record",
                        "ratio to 1 destination",
                        "naive per destination, median ms",
                        "naive / once");
        warmUp(event, preparer);
        Rounds.Figure single = null;
        for (int destinations : DESTINATIONS) {
            Rounds.Figure once = Rounds.of(20, 31).run(() -> once(event, preparer, destinations));
            Rounds.Figure naive =
                    Rounds.of(destinations >= 100 ? 3 : 20, destinations >= 100 ? 9 : 31)
                            .run(() -> naive(event, preparer, destinations));
            single = single == null ? once : single;
            table.row(
                    destinations,
                    String.format("%.3f", once.median()),
                    once.median() * 1000 / RECORDS,
                    String.format("%.2f", once.median() / single.median()),
                    String.format("%.3f", naive.median()),
                    String.format("%.0fx", naive.median() / once.median()));
        }
        table.print(out);
    }

    /**
     * Until the JIT has compiled the JSON and base64 paths: otherwise the first rows would measure
     * the interpreter, not the strategy.
     */
    private static void warmUp(JsonNode event, RecordPreparer preparer) {
        long until = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < until) {
            once(event, preparer, 1);
            naive(event, preparer, 10);
        }
    }

    /** What the forwarder does: one decode, one preparation, shared by every destination. */
    private static long once(JsonNode event, RecordPreparer preparer, int destinations) {
        long start = System.nanoTime();
        List<SourceRecord> records = KinesisEvents.read(event);
        List<PreparedRecord> prepared = preparer.prepare(records, false);
        List<List<PreparedRecord>> perDestination = new ArrayList<>(destinations);
        for (int d = 0; d < destinations; d++) {
            perDestination.add(prepared);
        }
        long nanos = System.nanoTime() - start;
        consume(perDestination);
        return nanos;
    }

    /** The baseline: decode and transform the batch again for every destination. */
    private static long naive(JsonNode event, RecordPreparer preparer, int destinations) {
        long start = System.nanoTime();
        List<List<PreparedRecord>> perDestination = new ArrayList<>(destinations);
        for (int d = 0; d < destinations; d++) {
            perDestination.add(preparer.prepare(KinesisEvents.read(event), false));
        }
        long nanos = System.nanoTime() - start;
        consume(perDestination);
        return nanos;
    }

    /** Checks the output, which also keeps the JIT from dropping the work. */
    private static void consume(List<List<PreparedRecord>> perDestination) {
        for (List<PreparedRecord> records : perDestination) {
            if (records.size() != RECORDS || !records.get(RECORDS - 1).sendable()) {
                throw new IllegalStateException("the preparation lost records");
            }
        }
    }
}
