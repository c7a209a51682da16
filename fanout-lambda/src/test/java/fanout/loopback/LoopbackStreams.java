package fanout.loopback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink's Kinesis streams, one shard each, keyed by account and name (every student may name
 * theirs the same). The source stream keeps its records for reads; a destination keeps every entry
 * it accepted, in order, with the moment it arrived.
 */
public final class LoopbackStreams {
    public static final String SHARD = "shardId-000000000000";

    /** The marker of a record's identity inside its JSON payload: {@code "fid":"..."}. */
    public static final String IDENTITY_FIELD = "\"fid\":\"";

    private static final byte[] IDENTITY_MARKER =
            IDENTITY_FIELD.getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] QUOTE = {'"'};

    /** A record as the stream stores it. */
    public record Stored(
            String sequenceNumber,
            int index,
            String partitionKey,
            byte[] data,
            Instant arrival,
            long arrivalNanos) {}

    /** An entry a destination accepted. */
    public record Delivery(String identity, String partitionKey, long receivedNanos) {}

    static final class Stream {
        final List<Stored> records = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();
        volatile boolean deleted;
    }

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    public void create(String account, String name) {
        streams.put(key(account, name), new Stream());
    }

    /** Deleted streams answer ResourceNotFoundException from then on. */
    public void delete(String account, String name) {
        Optional.ofNullable(streams.get(key(account, name))).ifPresent(s -> s.deleted = true);
    }

    Optional<Stream> find(String account, String name) {
        return Optional.ofNullable(streams.get(key(account, name))).filter(s -> !s.deleted);
    }

    /** Appends records now, all at once (one producer's PutRecords call). */
    public void append(String account, String name, List<Map.Entry<String, byte[]>> records) {
        Stream stream = require(account, name);
        Instant now = Instant.now();
        long nanos = System.nanoTime();
        synchronized (stream) {
            for (Map.Entry<String, byte[]> record : records) {
                int index = stream.records.size();
                stream.records.add(
                        new Stored(
                                SequenceNumbers.nth(index),
                                index,
                                record.getKey(),
                                record.getValue(),
                                now,
                                nanos));
            }
        }
    }

    public List<Stored> records(String account, String name) {
        Stream stream = require(account, name);
        synchronized (stream) {
            return List.copyOf(stream.records);
        }
    }

    public List<Delivery> deliveries(String account, String name) {
        Stream stream = require(account, name);
        synchronized (stream) {
            return List.copyOf(stream.deliveries);
        }
    }

    /**
     * Records one call's accepted entries under one lock (they arrived together); answers each
     * entry's sequence number in order, null for the entries refused as throttled.
     */
    String[] accept(Stream stream, String[] partitionKeys, byte[][] data, boolean[] throttled) {
        long now = System.nanoTime();
        String[] identities = new String[data.length];
        for (int i = 0; i < data.length; i++) {
            identities[i] = throttled[i] ? null : identityOf(data[i]);
        }
        String[] sequenceNumbers = new String[data.length];
        synchronized (stream) {
            for (int i = 0; i < data.length; i++) {
                if (!throttled[i]) {
                    stream.deliveries.add(new Delivery(identities[i], partitionKeys[i], now));
                    sequenceNumbers[i] = SequenceNumbers.nth(stream.deliveries.size() - 1L);
                }
            }
        }
        return sequenceNumbers;
    }

    /** The {@code fid} inside the payload, else a digest of the bytes. */
    public static String identityOf(byte[] data) {
        int at = indexOf(data, IDENTITY_MARKER, 0);
        if (at >= 0) {
            int start = at + IDENTITY_MARKER.length;
            int end = indexOf(data, QUOTE, start);
            if (end > start) {
                return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
            }
        }
        try {
            return "raw:"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /**
     * Where {@code pattern} first occurs in {@code data} from {@code from}, else -1: searched in
     * the bytes because a String of every payload was a visible share of the sink's CPU.
     */
    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Stream require(String account, String name) {
        return Objects.requireNonNull(
                streams.get(key(account, name)), "no stream " + name + " in " + account);
    }

    private static String key(String account, String name) {
        return account + "/" + name;
    }
}
