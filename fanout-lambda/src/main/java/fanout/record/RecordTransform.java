package fanout.record;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the forwarder does to each user record's payload before sending it, chosen by {@code
 * FANOUT_TRANSFORM}. Applied once per record and shared by every destination, so an implementation
 * must be thread-safe and must not depend on the destination.
 */
public interface RecordTransform {
    String NONE = "none";
    String HELLO_RETAIL = "hello-retail";

    /** The name {@code FANOUT_TRANSFORM} uses for it. */
    String name();

    /**
     * Transforms one user record's payload.
     *
     * @param source the source record the payload came from (event id, arrival time)
     * @param payload the user record's bytes (the source's data unless it was deaggregated)
     */
    Result apply(SourceRecord source, byte[] payload);

    /**
     * Transforms one user record of a source record, {@code eventId} naming that user record (the
     * source's own for a plain record, one per user record of a KPL aggregate).
     */
    default Result apply(SourceRecord source, String eventId, byte[] payload) {
        return apply(source, payload);
    }

    /** Every transform's outcome: bytes to send, or why the record can never be sent. */
    sealed interface Result permits Transformed, Unsendable {}

    /** {@code data} is not copied (the identity transform hands the source's bytes through). */
    record Transformed(byte[] data) implements Result {
        public Transformed {
            Objects.requireNonNull(data, "data is required");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Transformed that && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Transformed[" + data.length + " bytes]";
        }
    }

    record Unsendable(String reason) implements Result {
        public Unsendable {
            Objects.requireNonNull(reason, "reason is required");
        }
    }

    /**
     * The transform {@code FANOUT_TRANSFORM} names.
     *
     * @throws IllegalArgumentException for an unknown name, naming the variable and the known names
     */
    static RecordTransform named(String name, Clock clock) {
        Objects.requireNonNull(clock, "clock is required");
        if (NONE.equals(name)) {
            return none();
        }
        if (HELLO_RETAIL.equals(name)) {
            return new HelloRetailTransform(clock);
        }
        throw new IllegalArgumentException(
                "FANOUT_TRANSFORM: unknown transform '"
                        + name
                        + "' (known: "
                        + NONE
                        + ", "
                        + HELLO_RETAIL
                        + ")");
    }

    /** Sends the payload as it came (the same array, no copy). */
    static RecordTransform none() {
        return new RecordTransform() {
            @Override
            public String name() {
                return NONE;
            }

            @Override
            public Result apply(SourceRecord source, byte[] payload) {
                return new Transformed(payload);
            }

            @Override
            public String toString() {
                return NONE;
            }
        };
    }
}
