package fanout.forward;

import fanout.check.Required;
import fanout.record.PreparedRecord;
import fanout.state.ProbeAck;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
public record ProbeAcknowledgements(DynamoDbClient dynamo, String table, Clock clock) {
    private static final Logger LOG = Logger.getLogger(ProbeAcknowledgements.class.getName());

    public ProbeAcknowledgements {
        Required.all("dynamo, table, clock", dynamo, table, clock);
    }

    /** The same sinks, each acknowledging the probes it delivers. */
    public Sinks watch(Sinks sinks) {
        Map<String, SinkFactory> byType = new HashMap<>();
        for (String type : sinks.types()) {
            byType.put(
                    type,
                    destination ->
                            new Acking(sinks.open(destination), destination.targetId(), this));
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
    private record Acking(RecordSink sink, String targetId, ProbeAcknowledgements probes)
            implements RecordSink {
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
                    probes.acknowledge(probeId, targetId);
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
