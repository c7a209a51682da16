package fanout.forward;

import fanout.mapping.Mapping;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target types the forwarder delivers to, each with its sink factory. To support another type
 * of the original (firehose, sqs, sns, lambda, iot, es, memcached, redis), add its factory to
 * {@link #standard}; mappings of types not listed here are skipped as unsupported.
 */
public final class Sinks {
    private final Map<String, SinkFactory> byType;

    public Sinks(Map<String, SinkFactory> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Sinks standard(KinesisClientFactory kinesis) {
        return new Sinks(
                Map.of(
                        Mapping.TYPE_KINESIS,
                        destination ->
                                new KinesisRecordSink(
                                        putRecords(kinesis, destination),
                                        destination.streamName())));
    }

    /** Direct when the factory offers it, else through the destination's SDK client. */
    private static PutRecordsCall putRecords(
            KinesisClientFactory kinesis, Destination destination) {
        if (kinesis instanceof DirectPutRecordsSource direct) {
            Optional<PutRecordsCall> call =
                    direct.directPutRecords(destination.region(), destination.role());
            if (call.isPresent()) {
                return call.get();
            }
        }
        return new SdkPutRecords(kinesis.forDestination(destination.region(), destination.role()));
    }

    public Set<String> types() {
        return byType.keySet();
    }

    public boolean supports(String type) {
        return type != null && byType.containsKey(type);
    }

    public RecordSink open(Destination destination) {
        SinkFactory factory = byType.get(destination.type());
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unsupported target type '" + destination.type() + "'");
        }
        return factory.open(destination);
    }
}
