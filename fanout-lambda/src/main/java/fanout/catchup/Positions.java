package fanout.catchup;

import fanout.forward.SequenceNumbers;
import fanout.record.SourceRecord;
import fanout.state.ShardPosition;
import java.util.Comparator;

/** What a position owes and how positions order within one shard. */
public final class Positions {
    /**
     * Earliest first: the trim horizon, then points in time, then sequence numbers (at before
     * after); the latest last. Times and sequence numbers cannot be compared, so a replay is read
     * first: it is usually the one furthest back.
     */
    public static final Comparator<ShardPosition> EARLIEST_FIRST =
            Comparator.comparingInt(Positions::rank)
                    .thenComparing(
                            p -> p.timestamp() == null ? java.time.Instant.MIN : p.timestamp())
                    .thenComparing(
                            p -> p.sequenceNumber() == null ? "0" : p.sequenceNumber(),
                            SequenceNumbers.ORDER)
                    .thenComparingInt(
                            p -> p.type() == ShardPosition.Type.AFTER_SEQUENCE_NUMBER ? 1 : 0);

    private Positions() {}

    /** Whether a destination at {@code position} still owes {@code record}. */
    public static boolean owes(ShardPosition position, SourceRecord record) {
        String seq = record.sequenceNumber();
        switch (position.type()) {
            case AT_SEQUENCE_NUMBER:
                return SequenceNumbers.ORDER.compare(seq, position.sequenceNumber()) >= 0;
            case AFTER_SEQUENCE_NUMBER:
                return SequenceNumbers.ORDER.compare(seq, position.sequenceNumber()) > 0;
            case AT_TIMESTAMP:
                return !record.approximateArrival().isBefore(position.timestamp());
            default:
                return true;
        }
    }

    /** Whether a destination at {@code position} needs records from before {@code first}. */
    public static boolean before(ShardPosition position, SourceRecord first) {
        switch (position.type()) {
            case AT_SEQUENCE_NUMBER:
                return SequenceNumbers.ORDER.compare(
                                position.sequenceNumber(), first.sequenceNumber())
                        < 0;
            case AFTER_SEQUENCE_NUMBER:
                return SequenceNumbers.ORDER.compare(
                                position.sequenceNumber(), first.sequenceNumber())
                        < 0;
            case LATEST:
                return false;
            default:
                return true;
        }
    }

    private static int rank(ShardPosition p) {
        switch (p.type()) {
            case TRIM_HORIZON:
                return 0;
            case AT_TIMESTAMP:
                return 1;
            case LATEST:
                return 3;
            default:
                return 2;
        }
    }
}
