package fanout.loopback;

import java.math.BigInteger;
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
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49659127394405840167428115789226937401171000000000000001");

    /** The marker of a record's identity inside its JSON payload: {@code "fid":"..."}. */
    public static final String IDENTITY_FIELD = "\"fid\":\"";

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
                                FIRST_SEQUENCE.add(BigInteger.valueOf(index)).toString(),
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

    /** Records an accepted entry; answers its sequence number. */
    String accept(Stream stream, String partitionKey, byte[] data) {
        long now = System.nanoTime();
        synchronized (stream) {
            stream.deliveries.add(new Delivery(identityOf(data), partitionKey, now));
            return FIRST_SEQUENCE.add(BigInteger.valueOf(stream.deliveries.size() - 1)).toString();
        }
    }

    /** The {@code fid} inside the payload, else a digest of the bytes. */
    public static String identityOf(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(IDENTITY_FIELD);
        if (at >= 0) {
            int start = at + IDENTITY_FIELD.length();
            int end = text.indexOf('"', start);
            if (end > start) {
                return text.substring(start, end);
            }
        }
        try {
            return "raw:"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private Stream require(String account, String name) {
        return Objects.requireNonNull(
                streams.get(key(account, name)), "no stream " + name + " in " + account);
    }

    private static String key(String account, String name) {
        return account + "/" + name;
    }
}
