package fanout.record;

import java.nio.charset.StandardCharsets;

/**
 * Just enough of the protobuf wire format to read KPL aggregates: varints, length-delimited fields
 * and skipping what we do not know. Every malformation is a {@link MalformedProtobufException};
 * nothing reads past the given bounds.
 */
final class ProtobufReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private static final int MAX_VARINT_BYTES = 10;

    private final byte[] buffer;
    private final int limit;
    private int position;

    ProtobufReader(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
        }
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    boolean atEnd() {
        return position >= limit;
    }

    /** Reads a field key; returns it as {@code fieldNumber << 3 | wireType}. */
    int readTag() {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new MalformedProtobufException("invalid field tag " + tag);
        }
        return (int) tag;
    }

    static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    long readVarint() {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            byte b = readByte();
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedProtobufException("varint longer than " + MAX_VARINT_BYTES + " bytes");
    }

    /** A length-delimited field's contents as a sub-reader over the same buffer (no copy). */
    ProtobufReader readMessage() {
        int length = readLength();
        ProtobufReader message = new ProtobufReader(buffer, position, length);
        position += length;
        return message;
    }

    byte[] readBytes() {
        int length = readLength();
        byte[] bytes = new byte[length];
        System.arraycopy(buffer, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    String readString() {
        int length = readLength();
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    void skipField(int tag) {
        switch (wireType(tag)) {
            case VARINT -> readVarint();
            case FIXED64 -> skip(8);
            case LENGTH_DELIMITED -> skip(readLength());
            case FIXED32 -> skip(4);
            default ->
                    throw new MalformedProtobufException(
                            "unsupported wire type "
                                    + wireType(tag)
                                    + " for field "
                                    + fieldNumber(tag));
        }
    }

    private int readLength() {
        long length = readVarint();
        if (length < 0 || length > limit - position) {
            throw new MalformedProtobufException(
                    "length " + length + " runs past the end (" + (limit - position) + " left)");
        }
        return (int) length;
    }

    private void skip(int count) {
        if (count > limit - position) {
            throw new MalformedProtobufException("field runs past the end");
        }
        position += count;
    }

    private byte readByte() {
        if (position >= limit) {
            throw new MalformedProtobufException("truncated message");
        }
        return buffer[position++];
    }
}
