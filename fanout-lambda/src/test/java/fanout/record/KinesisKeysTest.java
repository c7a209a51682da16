package fanout.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisKeysTest {
    @Test
    void partitionKeysOfOneTo256UnicodeCharactersAreAccepted() {
        assertThat(KinesisKeys.problem("a", null)).isNull();
        // 256 characters outside the BMP: 512 UTF-16 units, still 256 characters.
        assertThat(KinesisKeys.problem("\uD83D\uDE00".repeat(256), null)).isNull();
        assertThat(KinesisKeys.problem("", null)).contains("0 characters");
        assertThat(KinesisKeys.problem("x".repeat(257), null)).contains("257 characters");
    }

    @Test
    void explicitHashKeysMustBeDecimalsBelow2To128() {
        assertThat(KinesisKeys.problem("k", "0")).isNull();
        assertThat(KinesisKeys.problem("k", KinesisKeys.MAX_HASH_KEY.toString())).isNull();
        assertThat(
                        KinesisKeys.problem(
                                "k",
                                KinesisKeys.MAX_HASH_KEY.add(java.math.BigInteger.ONE).toString()))
                .contains("2^128-1");
        assertThat(KinesisKeys.problem("k", "-1")).contains("not a decimal");
        assertThat(KinesisKeys.problem("k", "12a")).contains("not a decimal");
        assertThat(KinesisKeys.problem("k", "")).contains("not a decimal");
    }

    @Test
    void aRecordWithKeysKinesisRefusesIsRejectedWithTheReasonBeforeAnySend() {
        SourceRecord source =
                new SourceRecord(
                        "arn:aws:kinesis:us-west-2:123456789012:stream/src",
                        "shardId-000000000000:1",
                        "shardId-000000000000",
                        "1",
                        "x".repeat(300),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        Instant.parse("2026-11-25T10:00:00Z"));

        List<PreparedRecord> prepared =
                new RecordPreparer(RecordTransform.none()).prepare(List.of(source), false);

        assertThat(prepared)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.sendable()).isFalse();
                            assertThat(p.rejection()).contains("partition key has 300 characters");
                        });
    }
}
