package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.state.ProbeAck;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Acknowledges probe deliveries: every sink is wrapped so that, after a call, each entry the
 * destination confirmed and whose partition key carries the probe tag is written to the state table
 * as {@code probe#<probeId> / <id>}. Kept apart from the delivery code: it only looks at what a
 * sink call returned. Probes are rare, so the one PutItem per acknowledgement is cheap; a failed
 * write is logged and never touches the batch.
 */
public final class ProbeAcknowledgements {
    private static final Logger LOG = Logger.getLogger(ProbeAcknowledgements.class.getName());

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ProbeAcknowledgements(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo is required");
        this.table = Objects.requireNonNull(table, "table is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** The same sinks, each acknowledging the probes it delivers. */
    public Sinks watch(Sinks sinks) {
        Map<String, SinkFactory> byType = new HashMap<>();
        for (String type : sinks.types()) {
            byType.put(type, destination -> new Acking(sinks.open(destination), destination));
        }
        return new Sinks(byType);
    }

    void acknowledge(String probeId, String targetId) {
        try {
            dynamo.putItem(
                    b ->
                            b.tableName(table)
                                    .item(
                                            new ProbeAck(probeId, targetId, clock.instant())
                                                    .toItem()));
        } catch (RuntimeException e) {
            // The record is delivered; only the probe's round trip goes unseen.
            LOG.log(
                    Level.WARNING,
                    "probe "
                            + probeId
                            + " to "
                            + targetId
                            + " not acknowledged: "
                            + AwsFailures.describe(e),
                    e);
        }
    }

    /** A sink that acknowledges, after each call, the probes the destination confirmed. */
    private final class Acking implements RecordSink {
        private final RecordSink sink;
        private final Destination destination;

        Acking(RecordSink sink, Destination destination) {
            this.sink = sink;
            this.destination = destination;
        }

        @Override
        public BatchLimits limits() {
            return sink.limits();
        }

        @Override
        public List<EntryOutcome> put(List<PreparedRecord> entries) {
            List<EntryOutcome> outcomes = sink.put(entries);
            for (int i = 0; i < Math.min(entries.size(), outcomes.size()); i++) {
                String probeId = ProbeAck.probeIdOf(entries.get(i).partitionKey());
                if (probeId != null && outcomes.get(i) instanceof EntryOutcome.Delivered) {
                    acknowledge(probeId, destination.targetId());
                }
            }
            return outcomes;
        }

        @Override
        public long size(PreparedRecord entry) {
            return sink.size(entry);
        }
    }
}
