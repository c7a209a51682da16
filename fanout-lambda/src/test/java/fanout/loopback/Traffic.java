package fanout.loopback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the class's producer writes to the source: batches of hello-retail product events (~400
 * bytes, ten partition keys), each carrying its identity ({@code "fid"}) so a destination's
 * duplicates can be counted, and the odd records a fault needs.
 */
public final class Traffic {
    /** A record to append to the source at {@code offsetMillis} after the run starts. */
    public record Planned(long offsetMillis, String partitionKey, byte[] data, String identity) {
        public Planned {
            Objects.requireNonNull(partitionKey, "partitionKey is required");
            Objects.requireNonNull(data, "data is required");
        }
    }

    /** A record replacing the i-th of a batch (too large, not JSON, a corrupt aggregate). */
    public enum Odd {
        TOO_LARGE,
        NOT_JSON,
        CORRUPT_AGGREGATE
    }

    private Traffic() {}

    /** {@code batches} of {@code size} records, one batch every {@code intervalMillis}. */
    public static List<Planned> batches(int batches, int size, long intervalMillis) {
        List<Planned> planned = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < size; i++) {
                int n = b * size + i;
                String fid = String.format("r%06d", n);
                planned.add(
                        new Planned(
                                b * intervalMillis,
                                "product-" + (n % 10),
                                product(fid, n, 0),
                                fid));
            }
        }
        return planned;
    }

    /** The same plan with record {@code index} replaced by an odd one. */
    public static List<Planned> withOdd(List<Planned> plan, int index, Odd odd) {
        List<Planned> copy = new ArrayList<>(plan);
        Planned at = plan.get(index);
        byte[] data =
                switch (odd) {
                    // Just under the source's 1 MiB: the transform's added fields push it over.
                    case TOO_LARGE -> atTheLimit(at);
                    case NOT_JSON ->
                            ("fid=" + at.identity() + " this is not JSON")
                                    .getBytes(StandardCharsets.UTF_8);
                    case CORRUPT_AGGREGATE -> corruptAggregate(at.identity());
                };
        copy.set(
                index,
                new Planned(
                        at.offsetMillis(),
                        at.partitionKey(),
                        data,
                        LoopbackStreams.identityOf(data)));
        return copy;
    }

    /** Exactly 1 MiB with its partition key: any field the transform adds pushes it over. */
    private static byte[] atTheLimit(Planned at) {
        int base = product(at.identity(), 0, 0).length + ",\"notes\":\"\"".length();
        int keyBytes = at.partitionKey().getBytes(StandardCharsets.UTF_8).length;
        return product(at.identity(), 0, 1024 * 1024 - keyBytes - base);
    }

    static byte[] product(String fid, int n, int padding) {
        String json =
                "{\"fid\":\""
                        + fid
                        + "\",\"schema\":\"com.nordstrom/product/create/1-0-0\","
                        + "\"origin\":\"hello-retail/sandbox/creator\","
                        + "\"timeOrigin\":\"2026-11-25T17:00:00.000Z\","
                        + "\"data\":{\"schema\":\"com.nordstrom/product/1-0-0\","
                        + "\"id\":\""
                        + (4_000_000 + n)
                        + "\",\"brand\":\"Ultra Soft\",\"name\":\"Cashmere Crew Sweater "
                        + n
                        + "\",\"description\":\"A soft knit for every day, in six colours.\","
                        + "\"category\":\"Sweaters\",\"price\":129.90"
                        + (padding > 0 ? ",\"notes\":\"" + "x".repeat(padding) + "\"" : "")
                        + "}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A KPL aggregate (magic, protobuf, MD5) whose checksum is wrong: the KPL's rule makes it a
     * plain record, which the hello-retail transform cannot read as JSON.
     */
    static byte[] corruptAggregate(String fid) {
        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        field(proto, 1, "product-0".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x08); // partition_key_index = 0
        record.write(0x00);
        field(record, 3, ("{\"kpl\":\"" + fid + "\"}").getBytes(StandardCharsets.UTF_8));
        field(proto, 3, record.toByteArray());
        byte[] body = proto.toByteArray();
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
        md5[0] ^= 0x5A; // the corruption
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2});
        out.writeBytes(body);
        out.writeBytes(md5);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, int number, byte[] value) {
        out.write((number << 3) | 2);
        int length = value.length;
        while (length >= 0x80) {
            out.write((length & 0x7F) | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.writeBytes(value);
    }
}
