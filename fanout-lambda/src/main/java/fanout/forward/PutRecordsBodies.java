package fanout.forward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import fanout.record.PreparedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PutRecords bodies in JSON 1.1, laid out as {@code {"Records":[..],"StreamName":".."}} so that
 * everything but the stream name is the same for every destination of a batch: that shared prefix
 * is spliced from entries (base64 payload, partition key, explicit hash key) encoded once, and
 * hashed with SHA-256 once, for all destinations; each destination adds only its name. A
 * 300-student batch encodes its 100 records and hashes its ~55 KB once instead of 300 times, and no
 * destination copies the body. Kinesis reads the members in any order.
 *
 * <p>Entries are kept by the identity of the prepared record, prefixes by the identities of their
 * records (every destination of a batch is given the same objects), in two generations: when the
 * newer one holds {@link #GENERATION_BYTES}, the older is dropped. A batch's records stay found
 * while it is served; the memory is bounded whatever the batch size. Shared by every destination
 * and thread.
 */
final class PutRecordsBodies {
    /**
     * About five K=1000 batches of 450-byte records, so a batch fits in its generation; small,
     * because an entry keeps its record (and the record its source) until the generation goes.
     */
    static final long GENERATION_BYTES = 4L * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] RECORDS = ascii("{\"Records\":[");
    private static final byte[] STREAM_NAME = ascii("],\"StreamName\":\"");
    private static final byte[] END = ascii("\"}");

    private volatile Generation newer = new Generation();
    private volatile Generation older = new Generation();

    /** One destination's body: the batch's shared prefix and its own stream name. */
    PutRecordsBody body(String streamName, List<PreparedRecord> entries) {
        byte[] name = JsonStringEncoder.getInstance().quoteAsUTF8(streamName);
        byte[] suffix = new byte[name.length + END.length];
        System.arraycopy(name, 0, suffix, 0, name.length);
        System.arraycopy(END, 0, suffix, name.length, END.length);
        return new PutRecordsBody(prefix(entries), suffix);
    }

    /** The part every destination sending these entries shares, built and hashed once. */
    PutRecordsBody.Prefix prefix(List<PreparedRecord> entries) {
        Batch key = new Batch(entries.toArray(new PreparedRecord[0]));
        Generation current = newer;
        PutRecordsBody.Prefix known = current.prefixes.get(key);
        if (known == null) {
            known = older.prefixes.get(key);
            if (known == null) {
                // Racing destinations of one batch wait for the first instead of hashing it too.
                known =
                        current.prefixes.computeIfAbsent(
                                key,
                                k -> {
                                    PutRecordsBody.Prefix built = build(entries);
                                    current.count(built.bytes().length);
                                    return built;
                                });
            } else {
                current.addPrefix(key, known);
            }
            rotateIfFull(current);
        }
        return known;
    }

    private PutRecordsBody.Prefix build(List<PreparedRecord> entries) {
        byte[][] encoded = new byte[entries.size()][];
        int length = RECORDS.length + STREAM_NAME.length;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = entry(entries.get(i));
            length += encoded[i].length + (i == 0 ? 0 : 1);
        }
        byte[] prefix = new byte[length];
        int at = put(prefix, 0, RECORDS);
        for (int i = 0; i < encoded.length; i++) {
            if (i > 0) {
                prefix[at++] = ',';
            }
            at = put(prefix, at, encoded[i]);
        }
        put(prefix, at, STREAM_NAME);
        return PutRecordsBody.Prefix.of(prefix);
    }

    /** One record's entry, encoded on first use. */
    byte[] entry(PreparedRecord record) {
        Identity key = new Identity(record);
        Generation current = newer;
        byte[] known = current.entries.get(key);
        if (known == null) {
            known = older.entries.get(key);
            if (known == null) {
                known = encode(record);
            }
            current.add(key, known);
            rotateIfFull(current);
        }
        return known;
    }

    private void rotateIfFull(Generation current) {
        if (current.bytes.get() > GENERATION_BYTES) {
            rotate(current);
        }
    }

    private synchronized void rotate(Generation full) {
        if (newer == full) {
            older = full;
            newer = new Generation();
        }
    }

    static byte[] encode(PreparedRecord record) {
        ByteArrayBuilder out = new ByteArrayBuilder(record.data().length * 4 / 3 + 96);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("Data");
            json.writeBinary(record.data());
            json.writeStringField("PartitionKey", record.partitionKey());
            if (record.explicitHashKey() != null) {
                json.writeStringField("ExplicitHashKey", record.explicitHashKey());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PutRecords entry in memory", e);
        }
        return out.toByteArray();
    }

    private static int put(byte[] into, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final class Generation {
        final Map<Identity, byte[]> entries = new ConcurrentHashMap<>();
        final Map<Batch, PutRecordsBody.Prefix> prefixes = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        void add(Identity key, byte[] entry) {
            if (entries.putIfAbsent(key, entry) == null) {
                count(entry.length);
            }
        }

        void addPrefix(Batch key, PutRecordsBody.Prefix prefix) {
            if (prefixes.putIfAbsent(key, prefix) == null) {
                count(prefix.bytes().length);
            }
        }

        void count(long added) {
            bytes.addAndGet(added);
        }
    }

    /** These records in this order, by identity: equal records of another batch are not these. */
    private static final class Batch {
        private final PreparedRecord[] records;
        private final int hash;

        Batch(PreparedRecord[] records) {
            this.records = records;
            int h = 1;
            for (PreparedRecord record : records) {
                h = 31 * h + System.identityHashCode(record);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Batch that) || that.records.length != records.length) {
                return false;
            }
            for (int i = 0; i < records.length; i++) {
                if (that.records[i] != records[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The same object, not an equal one: a record's own hashCode would hash its whole payload. */
    private static final class Identity {
        private final Object of;
        private final int hash;

        Identity(Object of) {
            this.of = of;
            this.hash = System.identityHashCode(of);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.of == of;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
