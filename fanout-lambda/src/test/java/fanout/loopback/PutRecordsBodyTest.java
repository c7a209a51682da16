package fanout.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PutRecordsBodyTest {
    private final JsonFactory factory = new JsonFactory();

    private PutRecordsBody parse(String json) throws IOException {
        return PutRecordsBody.parse(factory, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheStreamAndEachEntrysKeyAndDataWhateverTheFieldOrder() throws IOException {
        PutRecordsBody body =
                parse(
                        "{\"Records\":[{\"Data\":\"YWJj\",\"PartitionKey\":\"k1\","
                                + "\"ExplicitHashKey\":\"7\"},{\"PartitionKey\":\"k2\","
                                + "\"Data\":\"eHl6\"}],\"StreamName\":\"s\",\"StreamARN\":\"a\","
                                + "\"Other\":{\"x\":[1,2]}}");

        assertThat(body.streamName()).isEqualTo("s");
        assertThat(body.streamArn()).isEqualTo("a");
        assertThat(body.entries())
                .extracting(PutRecordsBody.Entry::partitionKey)
                .containsExactly("k1", "k2");
        assertThat(text(body.entries().get(0).data())).isEqualTo("abc");
        assertThat(text(body.entries().get(1).data())).isEqualTo("xyz");
        assertThat(body.entries())
                .as("plain base64 is read as a slice of the body, never as a String")
                .allSatisfy(e -> assertThat(e.text()).isNull());
    }

    @Test
    void dataWrittenWithJsonEscapesDecodesToTheSameBytes() throws IOException {
        // "/" may be escaped in JSON; base64 of 0xFF 0xFF 0xFF is "////".
        PutRecordsBody body =
                parse("{\"Records\":[{\"PartitionKey\":\"k\",\"Data\":\"\\/\\/\\/\\/\"}]}");

        assertThat(body.entries().get(0).data())
                .containsExactly((byte) 0xFF, (byte) 0xFF, (byte) 0xFF);
    }

    @Test
    void missingNullAndContainerValuesReadAsEmptyAsTheTreeDid() throws IOException {
        PutRecordsBody body =
                parse(
                        "{\"StreamName\":null,\"StreamARN\":{\"a\":1},\"Records\":["
                                + "{\"PartitionKey\":[\"k\"],\"Data\":null},7,{}]}");

        assertThat(body.streamName()).isEmpty();
        assertThat(body.streamArn()).isEmpty();
        assertThat(body.entries()).hasSize(3);
        assertThat(body.entries())
                .allSatisfy(
                        e -> {
                            assertThat(e.partitionKey()).isEmpty();
                            assertThat(e.data()).isEmpty();
                        });
    }

    @Test
    void recordsThatAreNotAnArrayHoldNoEntries() throws IOException {
        assertThat(parse("{\"Records\":{\"a\":{}},\"StreamName\":\"s\"}").entries()).isEmpty();
        assertThat(parse("{\"Records\":\"x\"}").entries()).isEmpty();
        assertThat(parse("[1,2]").entries()).isEmpty();
        assertThat(parse("").entries()).isEmpty();
    }

    @Test
    void dataThatIsNotBase64FailsOnlyWhenTheEntryIsDecoded() throws IOException {
        PutRecordsBody body = parse("{\"Records\":[{\"PartitionKey\":\"k\",\"Data\":\"%%%\"}]}");

        assertThatThrownBy(() -> body.entries().get(0).data())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> parse("{\"Records\":[{\"PartitionKey\":"))
                .isInstanceOf(IOException.class);
    }
}
