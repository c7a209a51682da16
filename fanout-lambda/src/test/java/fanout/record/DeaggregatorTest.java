package fanout.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeaggregatorTest {
    private static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    @ParameterizedTest
    @ValueSource(strings = {"kpl-hello-retail", "kpl-large", "plain-hello-retail"})
    void decodesAwsKinesisAggFixturesToExactlyTheUserRecordsPutIn(String fixture) {
        List<SourceRecord> records = EventFixtures.records(fixture);
        List<EventFixtures.ExpectedRecord> expected = EventFixtures.expected(fixture);

        assertThat(records).hasSameSizeAs(expected);
        for (int i = 0; i < records.size(); i++) {
            SourceRecord record = records.get(i);
            assertThat(Deaggregator.hasMagic(record.data()))
                    .isEqualTo(expected.get(i).aggregated());
            assertThat(Deaggregator.deaggregate(record.partitionKey(), record.data()))
                    .as("user records of Kinesis record %d", i)
                    .containsExactlyElementsOf(
                            expected.get(i).users().stream()
                                    .map(EventFixtures.ExpectedUser::asUserRecord)
                                    .toList());
        }
    }

    @Test
    void theLargeAggregateHoldsAHundredUserRecordsInOrder() {
        SourceRecord aggregate = EventFixtures.records("kpl-large").get(0);

        List<Deaggregator.UserRecord> users =
                Deaggregator.deaggregate(aggregate.partitionKey(), aggregate.data());

        assertThat(users).hasSize(100);
        assertThat(users.get(37).partitionKey()).isEqualTo("product-7");
        assertThat(new String(users.get(37).data(), StandardCharsets.UTF_8))
                .contains("\"7749398\"");
    }

    /**
     * aws-kinesis-agg's own deaggregator reports the table's first explicit hash key for every
     * record (protobufjs defaults the absent index to 0); the wire has it on one record only, and
     * like the KCL we report it only there.
     */
    @Test
    void onlyTheUserRecordThatCarriesAnExplicitHashKeyGetsOne() {
        SourceRecord aggregate = EventFixtures.records("kpl-hello-retail").get(0);

        List<Deaggregator.UserRecord> users =
                Deaggregator.deaggregate(aggregate.partitionKey(), aggregate.data());

        assertThat(users)
                .extracting(Deaggregator.UserRecord::explicitHashKey)
                .containsExactly(null, null, "170141183460469231731687303715884105728", null);
    }

    @Test
    void aCorruptedChecksumPassesTheRecordThroughAsOnePlainRecord() {
        byte[] data = kplData();
        data[data.length - 1] ^= 0x01;

        assertPassedThrough(data);
    }

    @Test
    void aCorruptedPayloadPassesTheRecordThroughBecauseTheChecksumNoLongerMatches() {
        byte[] data = kplData();
        data[40] ^= 0x20;

        assertPassedThrough(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 19, 20, 100})
    void aTruncatedAggregatePassesThroughAsOnePlainRecord(int length) {
        assertPassedThrough(Arrays.copyOf(kplData(), length));
    }

    @Test
    void aNonAggregatedRecordPassesThroughWithItsOwnKeyAndTheSameBytes() {
        SourceRecord plain = EventFixtures.records("plain-hello-retail").get(0);

        List<Deaggregator.UserRecord> users = Deaggregator.deaggregate("pk", plain.data());

        assertThat(users).hasSize(1);
        assertThat(users.get(0).partitionKey()).isEqualTo("pk");
        assertThat(users.get(0).explicitHashKey()).isNull();
        assertThat(users.get(0).data()).isSameAs(plain.data());
    }

    @Test
    void undecodableProtobufWithAValidChecksumPassesThrough() {
        assertPassedThrough(withMagicAndChecksum(new byte[] {0x0A, 0x7F, 0x41}));
    }

    @Test
    void aKeyIndexOutsideTheKeyTablePassesThrough() {
        byte[] record =
                concat(varintField(1, 5), bytesField(3, "x".getBytes(StandardCharsets.UTF_8)));
        byte[] aggregate =
                concat(
                        bytesField(1, "only-key".getBytes(StandardCharsets.UTF_8)),
                        bytesField(3, record));

        assertPassedThrough(withMagicAndChecksum(aggregate));
    }

    @Test
    void aRecordWithoutDataPassesThrough() {
        byte[] aggregate =
                concat(
                        bytesField(1, "k".getBytes(StandardCharsets.UTF_8)),
                        bytesField(3, varintField(1, 0)));

        assertPassedThrough(withMagicAndChecksum(aggregate));
    }

    @Test
    void anAggregateWithNoUserRecordsPassesThroughSoNothingDisappears() {
        assertPassedThrough(
                withMagicAndChecksum(bytesField(1, "k".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void unknownFieldsAreSkippedAndKeysMayFollowTheRecordsThatUseThem() {
        byte[] record =
                concat(
                        varintField(1, 1),
                        varintField(9, 300),
                        bytesField(3, "payload".getBytes(StandardCharsets.UTF_8)));
        byte[] aggregate =
                concat(
                        bytesField(3, record),
                        fixed32Field(7),
                        bytesField(1, "first".getBytes(StandardCharsets.UTF_8)),
                        bytesField(1, "second".getBytes(StandardCharsets.UTF_8)));

        assertThat(Deaggregator.decode(withMagicAndChecksum(aggregate)))
                .contains(
                        List.of(
                                new Deaggregator.UserRecord(
                                        "second",
                                        null,
                                        "payload".getBytes(StandardCharsets.UTF_8))));
    }

    /** A property-ish check: whatever follows the magic, decoding returns, never throws. */
    @Test
    void randomBytesBehindAValidMagicAndChecksumNeverThrow() {
        Random random = new Random(20261125L);
        byte[] real = Arrays.copyOfRange(kplData(), MAGIC.length, kplData().length - 16);
        int decoded = 0;
        int passedThrough = 0;
        for (int round = 0; round < 2_000; round++) {
            byte[] protobuf = round % 2 == 0 ? randomBytes(random) : mutated(real, random);
            byte[] data = withMagicAndChecksum(protobuf);
            List<Deaggregator.UserRecord> users = Deaggregator.deaggregate("pk", data);
            assertThat(users).as("round %d", round).isNotEmpty();
            if (users.size() == 1 && users.get(0).data() == data) {
                passedThrough++;
            } else {
                decoded++;
            }
        }
        // both paths really ran: some mutations stay valid protobuf, most do not
        assertThat(decoded).isPositive();
        assertThat(passedThrough).isPositive();
    }

    private static void assertPassedThrough(byte[] data) {
        assertThat(Deaggregator.decode(data)).isEmpty();
        assertThat(Deaggregator.deaggregate("outer-key", data))
                .containsExactly(new Deaggregator.UserRecord("outer-key", null, data));
    }

    private static byte[] kplData() {
        return EventFixtures.records("kpl-hello-retail").get(0).data();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutated(byte[] real, Random random) {
        byte[] copy = Arrays.copyOf(real, random.nextInt(real.length + 1));
        for (int flips = random.nextInt(4) + 1; flips > 0 && copy.length > 0; flips--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    static byte[] withMagicAndChecksum(byte[] protobuf) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(protobuf);
            return concat(MAGIC, protobuf, md5);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] varintField(int field, long value) {
        return concat(varint(field << 3), varint(value));
    }

    private static byte[] bytesField(int field, byte[] bytes) {
        return concat(varint(field << 3 | 2), varint(bytes.length), bytes);
    }

    private static byte[] fixed32Field(int field) {
        return concat(varint(field << 3 | 5), new byte[4]);
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
