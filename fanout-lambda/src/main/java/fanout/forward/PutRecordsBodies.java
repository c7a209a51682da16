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
 * PutRecords bodies in JSON 1.1 ({@code {"StreamName":..,"Records":[..]}}), each record's entry
 * (base64 payload, partition key, explicit hash key) encoded once and spliced into every
 * destination's body: a 300-student batch encodes its 100 records once instead of 300 times.
 *
 * <p>Entries are kept by the identity of the prepared record (every destination of a batch is given
 * the same objects), in two generations: when the newer one holds {@link #GENERATION_BYTES}, the
 * older is dropped. A batch's records stay found while it is served; the memory is bounded whatever
 * the batch size. Shared by every destination and thread.
 */
final class PutRecordsBodies {
    /**
     * About five K=1000 batches of 450-byte records, so a batch fits in its generation; small,
     * because an entry keeps its record (and the record its source) until the generation goes.
     */
    static final long GENERATION_BYTES = 4L * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] STREAM_NAME = ascii("{\"StreamName\":\"");
    private static final byte[] RECORDS = ascii("\",\"Records\":[");
    private static final byte[] END = ascii("]}");

    private volatile Generation newer = new Generation();
    private volatile Generation older = new Generation();

    /** The whole body of one destination's call. */
    byte[] body(String streamName, List<PreparedRecord> entries) {
        byte[] name = JsonStringEncoder.getInstance().quoteAsUTF8(streamName);
        byte[][] encoded = new byte[entries.size()][];
        int length = STREAM_NAME.length + name.length + RECORDS.length + END.length;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = entry(entries.get(i));
            length += encoded[i].length + (i == 0 ? 0 : 1);
        }
        byte[] body = new byte[length];
        int at = put(body, 0, STREAM_NAME);
        at = put(body, at, name);
        at = put(body, at, RECORDS);
        for (int i = 0; i < encoded.length; i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            at = put(body, at, encoded[i]);
        }
        put(body, at, END);
        return body;
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
            if (current.bytes.get() > GENERATION_BYTES) {
                rotate(current);
            }
        }
        return known;
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
        final AtomicLong bytes = new AtomicLong();

        void add(Identity key, byte[] entry) {
            if (entries.putIfAbsent(key, entry) == null) {
                bytes.addAndGet(entry.length);
            }
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
