package fanout.forward;

/** Opens the sink of one destination of a given target type. */
@FunctionalInterface
public interface SinkFactory {
    RecordSink open(Destination destination);
}
