package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.forward.AssumeRoleSpec;
import fanout.state.LastError;
import fanout.testing.RecordingCloudWatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The real handler against dynalite and kinesalite: every destination gets every record, in order.
 */
class ForwarderIT extends LocalForwarding {
    private FanoutHandler handler(List<Optional<AssumeRoleSpec>> roles) {
        CloudWatchClient cloudWatch = new RecordingCloudWatch();
        return new FanoutHandler(
                Map.of("AWS_REGION", "us-west-2", "FANOUT_MAX_CONCURRENCY", "4"),
                new ForwarderServices(
                        clients.dynamo, cloudWatch, clients.factory(roles), Clock.systemUTC()));
    }

    @Test
    void recordsReallyArriveInEveryDestinationInOrderAndAMissingOneStopsNobody() throws Exception {
        originalRow("ab12", "ab12Stream", false);
        originalRow("cd34", "arn:aws:kinesis:us-west-2:210987654321:stream/cd34Stream", null);
        originalRow("ef56", "ef56Stream", false);
        originalRow("gh78", "gh78Stream", true); // never created
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String data = "{\"n\":" + i + "}";
            sent.add(data);
            clients.kinesis.putRecord(
                    b ->
                            b.streamName(SOURCE_NAME)
                                    .partitionKey("key" + (sent.size() % 4))
                                    .data(SdkBytes.fromUtf8String(data)));
        }
        List<Optional<AssumeRoleSpec>> roles = new CopyOnWriteArrayList<>();
        JsonNode answer;
        try (FanoutHandler handler = handler(roles)) {
            answer = invoke(handler, eventOf(read(SOURCE_NAME)));
        }

        assertThat(answer.get("batchItemFailures")).isEmpty();
        assertThat(read("ab12Stream"))
                .extracting(LocalForwarding::text)
                .containsExactlyElementsOf(sent);
        assertThat(read("ef56Stream"))
                .extracting(LocalForwarding::text)
                .containsExactlyElementsOf(sent);
        List<Record> spread = read("cd34Stream");
        assertThat(spread)
                .extracting(LocalForwarding::text)
                .containsExactlyInAnyOrderElementsOf(sent);
        assertPerKeyOrder(spread, sent);
        LastError missing =
                LastError.fromItem(
                        clients.dynamo
                                .getItem(
                                        b ->
                                                b.tableName("fanoutState")
                                                        .key(
                                                                Map.of(
                                                                        "pk",
                                                                        AttributeValue.fromS(
                                                                                "error#" + SOURCE),
                                                                        "sk",
                                                                        AttributeValue.fromS(
                                                                                "gh78"))))
                                .item());
        assertThat(missing.code()).isEqualTo("ResourceNotFound");
        assertThat(roles)
                .extracting(r -> r.map(AssumeRoleSpec::sessionName).orElse(""))
                .contains("fanout-ab12", "fanout-cd34", "fanout-gh78");
    }

    private static void assertPerKeyOrder(List<Record> written, List<String> sent) {
        Map<String, List<String>> byKey = new HashMap<>();
        written.forEach(
                r -> byKey.computeIfAbsent(r.partitionKey(), k -> new ArrayList<>()).add(text(r)));
        byKey.values()
                .forEach(
                        list ->
                                assertThat(list)
                                        .isSortedAccordingTo(
                                                (a, b) ->
                                                        Integer.compare(
                                                                sent.indexOf(a), sent.indexOf(b))));
    }
}
