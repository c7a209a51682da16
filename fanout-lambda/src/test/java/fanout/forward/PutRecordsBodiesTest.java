package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.record.PreparedRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PutRecordsBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PreparedRecord record(int i, int size) {
        return PreparedRecord.sendable(
                Records.record(i, "k" + i, "x"), 0, "k" + i, null, new byte[size]);
    }

    @Test
    void twoDestinationsGetTheSameEntriesUnderTheirOwnStreamNames() throws Exception {
        PutRecordsBodies bodies = new PutRecordsBodies();
        List<PreparedRecord> batch = List.of(record(1, 3), record(2, 5));

        JsonNode first = JSON.readTree(bodies.body("s001Stream", batch).bytes());
        JsonNode second = JSON.readTree(bodies.body("s002\"Stream", batch).bytes());

        assertThat(first.path("StreamName").asText()).isEqualTo("s001Stream");
        assertThat(second.path("StreamName").asText()).isEqualTo("s002\"Stream");
        assertThat(second.path("Records")).isEqualTo(first.path("Records"));
        assertThat(first.path("Records").get(1).path("PartitionKey").asText()).isEqualTo("k2");
        assertThat(Base64.getDecoder().decode(first.path("Records").get(1).path("Data").asText()))
                .hasSize(5);
    }

    @Test
    void destinationsOfOneBatchShareOnePrefixAndDifferOnlyInTheirSuffix() throws Exception {
        PutRecordsBodies bodies = new PutRecordsBodies();
        List<PreparedRecord> batch = List.of(record(1, 3), record(2, 5));

        PutRecordsBody first = bodies.body("s001Stream", batch);
        PutRecordsBody second = bodies.body("s002Stream", new ArrayList<>(batch));

        assertThat(second.prefix()).isSameAs(first.prefix());
        assertThat(new String(first.suffix(), StandardCharsets.UTF_8)).isEqualTo("s001Stream\"}");
        assertThat(new String(first.bytes(), StandardCharsets.UTF_8))
                .startsWith("{\"Records\":[{\"Data\":")
                .endsWith("],\"StreamName\":\"s001Stream\"}");
        assertThat(bodies.body("s001Stream", batch.subList(0, 1)).prefix())
                .isNotSameAs(first.prefix());
    }

    @Test
    void aBodysHashIsTheSha256OfItsWholeBytesForEveryDestination() throws Exception {
        PutRecordsBodies bodies = new PutRecordsBodies();
        List<PreparedRecord> batch = List.of(record(1, 300), record(2, 5000));

        for (String stream : List.of("a", "s002Stream", "s003Stream", "a")) {
            PutRecordsBody body = bodies.body(stream, batch);

            assertThat(body.sha256())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(body.bytes()));
            assertThat(body.content().newStream().readAllBytes()).isEqualTo(body.bytes());
            assertThat(body.length()).isEqualTo(body.bytes().length);
        }
    }

    @Test
    void aRecordIsEncodedOnceForEveryDestination() {
        PutRecordsBodies bodies = new PutRecordsBodies();
        PreparedRecord record = record(1, 10);

        assertThat(bodies.entry(record)).isSameAs(bodies.entry(record));
    }

    @Test
    void anEqualRecordOfAnotherBatchIsEncodedAgainNotLookedUpByItsPayload() {
        PutRecordsBodies bodies = new PutRecordsBodies();

        byte[] one = bodies.entry(record(1, 10));
        byte[] other = bodies.entry(record(1, 10));

        assertThat(other).isNotSameAs(one).isEqualTo(one);
    }

    @Test
    void entriesOfOldBatchesAreDroppedSoTheMemoryIsBounded() {
        PutRecordsBodies bodies = new PutRecordsBodies();
        PreparedRecord first = record(0, 1000);
        byte[] encoded = bodies.entry(first);
        List<PreparedRecord> later = new ArrayList<>();
        // Three generations' worth of later records: the first one's generation is gone.
        long bytes = 0;
        for (int i = 1; bytes < 3 * PutRecordsBodies.GENERATION_BYTES; i++) {
            PreparedRecord r = record(i, 100_000);
            later.add(r);
            bytes += bodies.entry(r).length;
        }

        assertThat(bodies.entry(first)).isNotSameAs(encoded).isEqualTo(encoded);
        assertThat(new String(encoded, StandardCharsets.UTF_8)).startsWith("{\"Data\":\"");
    }

    @Test
    void prefixesOfOldBatchesAreDroppedToo() {
        PutRecordsBodies bodies = new PutRecordsBodies();
        List<PreparedRecord> first = List.of(record(0, 1000));
        PutRecordsBody.Prefix prefix = bodies.prefix(first);
        long bytes = 0;
        for (int i = 1; bytes < 3 * PutRecordsBodies.GENERATION_BYTES; i++) {
            bytes += bodies.prefix(List.of(record(i, 100_000))).bytes().length;
        }

        assertThat(bodies.prefix(first)).isNotSameAs(prefix);
        assertThat(bodies.prefix(first).bytes()).isEqualTo(prefix.bytes());
    }
}
