package fanout.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a destination's next record on a shard is, in the terms of Kinesis's GetShardIterator: at
 * or after a sequence number, at a time (a replay), or the latest record (a skip).
 *
 * @param sequenceNumber set for {@link Type#AT_SEQUENCE_NUMBER} and {@link
 *     Type#AFTER_SEQUENCE_NUMBER}, null otherwise
 * @param timestamp set for {@link Type#AT_TIMESTAMP}, null otherwise
 */
public record ShardPosition(Type type, String sequenceNumber, Instant timestamp) {
    /** The shard iterator types a cursor can name (same spelling as Kinesis). */
    public enum Type {
        AT_SEQUENCE_NUMBER,
        AFTER_SEQUENCE_NUMBER,
        AT_TIMESTAMP,
        TRIM_HORIZON,
        LATEST
    }

    public ShardPosition {
        Objects.requireNonNull(type, "type is required");
        boolean bySequence = type == Type.AT_SEQUENCE_NUMBER || type == Type.AFTER_SEQUENCE_NUMBER;
        if (bySequence != (sequenceNumber != null)) {
            throw new IllegalArgumentException(
                    type + " needs a sequence number and only it has one");
        }
        if ((type == Type.AT_TIMESTAMP) != (timestamp != null)) {
            throw new IllegalArgumentException(type + " needs a timestamp and only it has one");
        }
    }

    public static ShardPosition at(String sequenceNumber) {
        return new ShardPosition(Type.AT_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    public static ShardPosition after(String sequenceNumber) {
        return new ShardPosition(Type.AFTER_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    public static ShardPosition since(Instant timestamp) {
        return new ShardPosition(Type.AT_TIMESTAMP, null, timestamp);
    }

    public static ShardPosition trimHorizon() {
        return new ShardPosition(Type.TRIM_HORIZON, null, null);
    }

    public static ShardPosition latest() {
        return new ShardPosition(Type.LATEST, null, null);
    }

    @Override
    public String toString() {
        return type
                + (sequenceNumber == null ? "" : " " + sequenceNumber)
                + (timestamp == null ? "" : " " + timestamp);
    }
}
