package fanout.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PutRecords on the wire, without HTTP: the sink's answers to what it must refuse or accept. */
class KinesisWireTest {
    private static final String ACCOUNT = "200000000001";
    private static final String KEY = "ASIAWIRETEST00000001";
    private static final String TOKEN = "wire-token";
    private final ObjectMapper json = new ObjectMapper();
    private final SinkFaults faults = new SinkFaults();
    private final LoopbackStreams streams = new LoopbackStreams();
    private final StsWire sts = new StsWire(faults);
    private final KinesisWire wire = new KinesisWire(streams, faults, sts);

    KinesisWireTest() {
        sts.ownKey(KEY, TOKEN, ACCOUNT);
        streams.create(ACCOUNT, "s");
    }

    private WireResponse put(String accessKey, String token, String body) throws IOException {
        return wire.handle(
                new WireRequest(
                        KinesisWire.PREFIX + "PutRecords",
                        body.getBytes(StandardCharsets.UTF_8),
                        accessKey,
                        token));
    }

    private WireResponse put(String body) throws IOException {
        return put(KEY, TOKEN, body);
    }

    private static String entry(String key, byte[] data) {
        return "{\"Data\":\""
                + Base64.getEncoder().encodeToString(data)
                + "\",\"PartitionKey\":\""
                + key
                + "\"}";
    }

    /** A body naming {@code streamName} (a JSON value) with these entries. */
    private static String records(String streamName, String... entries) {
        return "{\"Records\":["
                + String.join(",", entries)
                + "],\"StreamName\":"
                + streamName
                + "}";
    }

    private static String body(int count, String key, int bytes) {
        return IntStream.range(0, count)
                .mapToObj(i -> entry(key, new byte[bytes]))
                .collect(Collectors.joining(",", "{\"Records\":[", "],\"StreamName\":\"s\"}"));
    }

    private JsonNode answer(WireResponse response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void anUnknownAccessKeyIsRefusedAsAnUnrecognisedClient() throws IOException {
        WireResponse response = put("ASIANOBODY0000000000", TOKEN, body(1, "k", 1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(answer(response).path("__type").asText())
                .isEqualTo("UnrecognizedClientException");
        assertThat(streams.deliveries(ACCOUNT, "s")).isEmpty();
    }

    @Test
    void aTokenThatDoesNotMatchItsKeyIsRefused() throws IOException {
        WireResponse response = put(KEY, "someone-elses", body(1, "k", 1));

        assertThat(answer(response).path("message").asText())
                .isEqualTo("The security token does not match the access key.");
    }

    @Test
    void anEntryWhosePartitionKeyIsOverTheLimitIsRefusedNamingItsPosition() throws IOException {
        JsonNode answer =
                answer(
                        put(
                                records(
                                        "\"s\"",
                                        entry("ok", new byte[1]),
                                        entry("k".repeat(257), new byte[1]))));

        assertThat(answer.path("__type").asText()).isEqualTo("ValidationException");
        assertThat(answer.path("message").asText())
                .isEqualTo("records.2.member.partitionKey must have length 1 to 256");
        assertThat(streams.deliveries(ACCOUNT, "s")).isEmpty();
    }

    @Test
    void anEmptyPartitionKeyIsRefused() throws IOException {
        assertThat(answer(put(body(1, "", 1))).path("message").asText())
                .isEqualTo("records.1.member.partitionKey must have length 1 to 256");
    }

    @Test
    void anEntryOverOneMebibyteWithItsKeyIsRefusedAsAnInvalidArgument() throws IOException {
        JsonNode answer = answer(put(body(1, "kk", 1024 * 1024 - 1)));

        assertThat(answer.path("__type").asText()).isEqualTo("InvalidArgumentException");
        assertThat(answer.path("message").asText())
                .isEqualTo("Record size exceeds 1 MiB for entry 0");
    }

    @Test
    void dataOverOneMebibyteIsRefusedAsAValidationError() throws IOException {
        assertThat(answer(put(body(1, "k", 1024 * 1024 + 1))).path("message").asText())
                .isEqualTo("records.1.member.data must have length at most 1048576");
    }

    @Test
    void aCallOverFiveMegabytesIsRefused() throws IOException {
        assertThat(answer(put(body(6, "k", 1024 * 1024 - 10))).path("message").asText())
                .isEqualTo("Records size exceeds 5 MB limit");
        assertThat(streams.deliveries(ACCOUNT, "s")).isEmpty();
    }

    @Test
    void noEntriesAndMoreThanFiveHundredAreRefused() throws IOException {
        assertThat(answer(put("{\"StreamName\":\"s\",\"Records\":[]}")).path("message").asText())
                .isEqualTo("Records must hold 1 to 500 entries, held 0");
        assertThat(answer(put(body(501, "k", 1))).path("message").asText())
                .isEqualTo("Records must hold 1 to 500 entries, held 501");
    }

    @Test
    void aStreamOfAnotherAccountByArnIsDenied() throws IOException {
        String body =
                "{\"Records\":["
                        + entry("k", new byte[1])
                        + "],\"StreamARN\":\"arn:aws:kinesis:us-west-2:999999999999:stream/s\"}";

        assertThat(answer(put(body)).path("__type").asText()).isEqualTo("AccessDeniedException");
    }

    @Test
    void acceptedEntriesGetIncreasingSequenceNumbersAcrossCallsAndTheirIdentities()
            throws IOException {
        String first = entry("a", "{\"fid\":\"one\"}".getBytes(StandardCharsets.UTF_8));
        String second = entry("b", "{\"fid\":\"two\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode one = answer(put("{\"StreamName\":\"s\",\"Records\":[" + first + "]}"));
        JsonNode two = answer(put("{\"StreamName\":\"s\",\"Records\":[" + second + "]}"));

        assertThat(one.path("FailedRecordCount").asInt()).isZero();
        assertThat(one.path("Records").get(0).path("ShardId").asText())
                .isEqualTo(LoopbackStreams.SHARD);
        BigInteger a = new BigInteger(one.path("Records").get(0).path("SequenceNumber").asText());
        BigInteger b = new BigInteger(two.path("Records").get(0).path("SequenceNumber").asText());
        assertThat(b).isEqualTo(a.add(BigInteger.ONE));
        assertThat(streams.deliveries(ACCOUNT, "s"))
                .extracting(
                        LoopbackStreams.Delivery::identity, LoopbackStreams.Delivery::partitionKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("one", "a"),
                        org.assertj.core.groups.Tuple.tuple("two", "b"));
    }

    @Test
    void throttledEntriesCarryTheirErrorAndNoSequenceNumber() throws IOException {
        faults.stream(ACCOUNT, new SinkFaults.StreamFault.Throttled(0.5));

        JsonNode answer = answer(put(body(4, "k", 3)));

        assertThat(answer.path("FailedRecordCount").asInt()).isEqualTo(2);
        assertThat(answer.path("Records").get(1).path("ErrorCode").asText())
                .isEqualTo("ProvisionedThroughputExceededException");
        assertThat(answer.path("Records").get(1).path("ErrorMessage").asText())
                .isEqualTo(
                        "Rate exceeded for shard shardId-000000000000 in stream s under account "
                                + ACCOUNT
                                + ".");
        assertThat(answer.path("Records").get(1).has("SequenceNumber")).isFalse();
        assertThat(answer.path("Records").get(0).path("SequenceNumber").asText())
                .isEqualTo(SequenceNumbers.FIRST);
        assertThat(streams.deliveries(ACCOUNT, "s")).hasSize(2);
    }
}
