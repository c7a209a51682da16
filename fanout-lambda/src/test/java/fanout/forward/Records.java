package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Source records for tests, and a preparer that passes payloads through and counts its calls. */
final class Records {
    static final String SOURCE_ARN =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    static final String SHARD = "shardId-000000000000";
    static final Instant ARRIVAL = Instant.parse("2026-11-25T09:59:59Z");

    private Records() {}

    /** Sequence numbers of realistic length, increasing with {@code i}. */
    static String sequence(int i) {
        return "4961234567890123456789012345678901234567890123456" + String.format("%07d", i);
    }

    static SourceRecord record(int i, String key, String data) {
        return new SourceRecord(
                SOURCE_ARN,
                SHARD + ":" + sequence(i),
                SHARD,
                sequence(i),
                key,
                data.getBytes(StandardCharsets.UTF_8),
                ARRIVAL);
    }

    /** {@code count} records {@code r1..rN}, keys cycling over {@code keys}. */
    static List<SourceRecord> batch(int count, String... keys) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(record(i, keys[(i - 1) % keys.length], "r" + i));
        }
        return records;
    }

    /** Records {@code r<from>..r<to>}, keys cycling over {@code keys}. */
    static List<SourceRecord> range(int from, int to, String... keys) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            records.add(record(i, keys[(i - 1) % keys.length], "r" + i));
        }
        return records;
    }

    /** The records of {@code batch} from sequence {@code firstSequence} on. */
    static List<SourceRecord> from(List<SourceRecord> batch, int firstSequence) {
        return batch.stream()
                .filter(r -> r.sequenceNumber().compareTo(sequence(firstSequence)) >= 0)
                .toList();
    }

    static List<String> payloads(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("r" + i);
        }
        return out;
    }

    static PreparedRecord prepared(SourceRecord r) {
        return new PreparedRecord(r, 0, r.partitionKey(), null, r.data(), null);
    }

    /** Passes payloads through; counts calls per variant. */
    static final class CountingPreparer implements BatchPreparer {
        final AtomicInteger plain = new AtomicInteger();
        final AtomicInteger deaggregated = new AtomicInteger();

        @Override
        public List<PreparedRecord> prepare(List<SourceRecord> records, boolean deaggregate) {
            (deaggregate ? deaggregated : plain).incrementAndGet();
            return records.stream().map(Records::prepared).toList();
        }
    }
}
