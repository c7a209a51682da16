package fanout.forward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few CBOR items a PutRecords answer needs (RFC 8949 major types 0, 3, 4 and 5). */
final class StubCbor {
    private StubCbor() {}

    static byte[] putRecords(int entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, 5, 2);
        text(out, "FailedRecordCount");
        head(out, 0, 0);
        text(out, "Records");
        head(out, 4, entries);
        for (int i = 0; i < entries; i++) {
            head(out, 5, 2);
            text(out, "SequenceNumber");
            text(out, String.valueOf(49_000_000 + i));
            text(out, "ShardId");
            text(out, "shardId-000000000000");
        }
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        head(out, 3, bytes.length);
        out.writeBytes(bytes);
    }

    private static void head(ByteArrayOutputStream out, int major, long length) {
        int type = major << 5;
        if (length < 24) {
            out.write(type | (int) length);
        } else if (length < 256) {
            out.write(type | 24);
            out.write((int) length);
        } else if (length < 65536) {
            out.write(type | 25);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(type | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
    }
}
