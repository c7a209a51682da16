package fanout.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits KPL aggregated records into their user records. The format: the magic bytes {@code F3 89
 * 9A C2}, a protobuf {@code AggregatedRecord}, then the MD5 of the protobuf bytes.
 *
 * <p>Like the KCL, anything that is not a valid aggregate (no magic, bad checksum, undecodable
 * protobuf, an index outside its key table) is one plain record: bad input is delivered as it came,
 * never an exception. An aggregate with no user records is passed through too, so a source record
 * never silently disappears.
 */
public final class Deaggregator {
    private static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    private static final int CHECKSUM_BYTES = 16;

    // AggregatedRecord fields
    private static final int PARTITION_KEY_TABLE = 1;
    private static final int EXPLICIT_HASH_KEY_TABLE = 2;
    private static final int RECORDS = 3;
    // Record fields
    private static final int PARTITION_KEY_INDEX = 1;
    private static final int EXPLICIT_HASH_KEY_INDEX = 2;
    private static final int DATA = 3;

    private Deaggregator() {}

    /**
     * One user record of an aggregate, or the whole record when it is not one.
     *
     * @param explicitHashKey null when the user record has none
     */
    public record UserRecord(String partitionKey, String explicitHashKey, byte[] data) {
        public UserRecord {
            Objects.requireNonNull(partitionKey, "partitionKey is required");
            Objects.requireNonNull(data, "data is required");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UserRecord that
                    && partitionKey.equals(that.partitionKey)
                    && Objects.equals(explicitHashKey, that.explicitHashKey)
                    && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partitionKey, explicitHashKey) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "UserRecord[partitionKey="
                    + partitionKey
                    + ", explicitHashKey="
                    + explicitHashKey
                    + ", data="
                    + data.length
                    + " bytes]";
        }
    }

    /** The user records of {@code data}, or one record ({@code partitionKey}, {@code data}). */
    public static List<UserRecord> deaggregate(String partitionKey, byte[] data) {
        return decode(data).orElseGet(() -> List.of(new UserRecord(partitionKey, null, data)));
    }

    /** Whether {@code data} starts with the KPL magic (it may still fail to decode). */
    public static boolean hasMagic(byte[] data) {
        return data.length >= MAGIC.length
                && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The user records when {@code data} is a valid, non-empty aggregate; empty otherwise. */
    public static Optional<List<UserRecord>> decode(byte[] data) {
        if (data.length < MAGIC.length + CHECKSUM_BYTES || !hasMagic(data)) {
            return Optional.empty();
        }
        int length = data.length - MAGIC.length - CHECKSUM_BYTES;
        if (!checksumMatches(data, length)) {
            return Optional.empty();
        }
        try {
            List<UserRecord> records =
                    readAggregate(new ProtobufReader(data, MAGIC.length, length));
            return records.isEmpty() ? Optional.empty() : Optional.of(records);
        } catch (MalformedProtobufException e) {
            return Optional.empty();
        }
    }

    private static boolean checksumMatches(byte[] data, int length) {
        MessageDigest md5 = md5();
        md5.update(data, MAGIC.length, length);
        byte[] expected = md5.digest();
        return Arrays.equals(data, MAGIC.length + length, data.length, expected, 0, CHECKSUM_BYTES);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }

    /** Keys may follow the records that use them, so indexes are resolved after the whole read. */
    private static List<UserRecord> readAggregate(ProtobufReader reader) {
        List<String> partitionKeys = new ArrayList<>();
        List<String> explicitHashKeys = new ArrayList<>();
        List<RawRecord> raw = new ArrayList<>();
        while (!reader.atEnd()) {
            int tag = reader.readTag();
            int field = ProtobufReader.fieldNumber(tag);
            if (field == PARTITION_KEY_TABLE) {
                partitionKeys.add(expectLengthDelimited(reader, tag).readString());
            } else if (field == EXPLICIT_HASH_KEY_TABLE) {
                explicitHashKeys.add(expectLengthDelimited(reader, tag).readString());
            } else if (field == RECORDS) {
                raw.add(readRecord(expectLengthDelimited(reader, tag).readMessage()));
            } else {
                reader.skipField(tag);
            }
        }
        List<UserRecord> records = new ArrayList<>(raw.size());
        for (RawRecord record : raw) {
            records.add(record.resolve(partitionKeys, explicitHashKeys));
        }
        return records;
    }

    private static RawRecord readRecord(ProtobufReader reader) {
        Long partitionKeyIndex = null;
        Long explicitHashKeyIndex = null;
        byte[] data = null;
        while (!reader.atEnd()) {
            int tag = reader.readTag();
            int field = ProtobufReader.fieldNumber(tag);
            if (field == PARTITION_KEY_INDEX) {
                partitionKeyIndex = expectVarint(reader, tag).readVarint();
            } else if (field == EXPLICIT_HASH_KEY_INDEX) {
                explicitHashKeyIndex = expectVarint(reader, tag).readVarint();
            } else if (field == DATA) {
                data = expectLengthDelimited(reader, tag).readBytes();
            } else {
                reader.skipField(tag); // tags (4) and anything newer
            }
        }
        if (partitionKeyIndex == null || data == null) {
            throw new MalformedProtobufException("record lacks partition_key_index or data");
        }
        return new RawRecord(partitionKeyIndex, explicitHashKeyIndex, data);
    }

    private static ProtobufReader expectLengthDelimited(ProtobufReader reader, int tag) {
        return expect(reader, tag, ProtobufReader.LENGTH_DELIMITED);
    }

    private static ProtobufReader expectVarint(ProtobufReader reader, int tag) {
        return expect(reader, tag, ProtobufReader.VARINT);
    }

    private static ProtobufReader expect(ProtobufReader reader, int tag, int wireType) {
        if (ProtobufReader.wireType(tag) != wireType) {
            throw new MalformedProtobufException(
                    "field "
                            + ProtobufReader.fieldNumber(tag)
                            + " has wire type "
                            + ProtobufReader.wireType(tag));
        }
        return reader;
    }

    /** A record before its indexes are looked up; {@code explicitHashKeyIndex} null if absent. */
    private record RawRecord(long partitionKeyIndex, Long explicitHashKeyIndex, byte[] data) {
        UserRecord resolve(List<String> partitionKeys, List<String> explicitHashKeys) {
            String explicitHashKey =
                    explicitHashKeyIndex == null
                            ? null
                            : lookup(explicitHashKeys, explicitHashKeyIndex);
            return new UserRecord(lookup(partitionKeys, partitionKeyIndex), explicitHashKey, data);
        }

        private static String lookup(List<String> table, long index) {
            if (index < 0 || index >= table.size()) {
                throw new MalformedProtobufException(
                        "key index " + index + " outside a table of " + table.size());
            }
            return table.get((int) index);
        }
    }
}
