package fanout.loopback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A PutRecords body read in one streaming pass instead of a JSON tree: the stream's name or ARN and
 * each entry's partition key, with its Data left as a slice of the body until the entry is checked,
 * so the base64 text is decoded straight from the request bytes and never becomes a String. Reads
 * the same fields the tree did ({@code asText("")} for a missing, null or container value); a
 * Records that is not an array holds no entries.
 */
record PutRecordsBody(String streamName, String streamArn, List<Entry> entries) {
    private static final Entry BLANK = new Entry("", new byte[0], 0, 0, null);

    PutRecordsBody {
        Objects.requireNonNull(streamName, "streamName is required");
        Objects.requireNonNull(streamArn, "streamArn is required");
        entries = List.copyOf(entries);
    }

    /**
     * One entry: its partition key and its Data, either {@code length} bytes of {@code source} from
     * {@code from} (the usual case) or, for a value with escapes or not a string, its text.
     */
    record Entry(String partitionKey, byte[] source, int from, int length, String text) {
        Entry {
            Objects.requireNonNull(partitionKey, "partitionKey is required");
            Objects.requireNonNull(source, "source is required");
        }

        /** The decoded Data; IllegalArgumentException when it is not base64, as before. */
        byte[] data() {
            if (text != null) {
                return Base64.getDecoder().decode(text);
            }
            ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(source, from, length));
            byte[] array = decoded.array();
            return decoded.remaining() == array.length
                    ? array
                    : Arrays.copyOfRange(array, decoded.position(), decoded.limit());
        }
    }

    static PutRecordsBody parse(JsonFactory factory, byte[] body) throws IOException {
        String name = "";
        String arn = "";
        List<Entry> entries = List.of();
        try (JsonParser p = factory.createParser(body)) {
            JsonToken root = p.nextToken();
            if (root != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new PutRecordsBody(name, arn, entries);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "StreamName" -> name = text(p);
                    case "StreamARN" -> arn = text(p);
                    case "Records" -> entries = records(p, new Scan(body));
                    default -> p.skipChildren();
                }
            }
        }
        return new PutRecordsBody(name, arn, entries);
    }

    private static List<Entry> records(JsonParser p, Scan scan) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                entries.add(BLANK);
                continue;
            }
            entries.add(entry(p, scan));
        }
        return entries;
    }

    private static Entry entry(JsonParser p, Scan scan) throws IOException {
        String key = "";
        Entry data = BLANK;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "PartitionKey" -> key = text(p);
                case "Data" -> data = data(p, scan);
                default -> p.skipChildren();
            }
        }
        return new Entry(key, data.source(), data.from(), data.length(), data.text());
    }

    /**
     * The Data value as a slice of the body when it is a plain string, else its text. The closing
     * quote is found with String.indexOf on a Latin-1 view of the body (a vectorised scan); a body
     * with a backslash anywhere takes the parser's text, so escapes are always undone.
     */
    private static Entry data(JsonParser p, Scan scan) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING && !scan.escapes) {
            long quote = p.currentTokenLocation().getByteOffset();
            if (quote >= 0 && quote < scan.body.length && scan.body[(int) quote] == '"') {
                int start = (int) quote + 1;
                int end = scan.latin1.indexOf('"', start);
                if (end >= start) {
                    return new Entry("", scan.body, start, end - start, null);
                }
            }
        }
        return new Entry("", scan.body, 0, 0, text(p));
    }

    /** The body and its Latin-1 view (one char per byte, so offsets agree). */
    private static final class Scan {
        final byte[] body;
        final String latin1;
        final boolean escapes;

        Scan(byte[] body) {
            this.body = body;
            this.latin1 = new String(body, StandardCharsets.ISO_8859_1);
            this.escapes = latin1.indexOf('\\') >= 0;
        }
    }

    /** A scalar's text, "" for null or a container (skipped), as JsonNode.asText("") reads it. */
    private static String text(JsonParser p) throws IOException {
        String value = p.getValueAsString("");
        p.skipChildren();
        return value;
    }
}
