package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.forward.AssumeRoleSpec;
import fanout.state.ProbeAck;
import fanout.testing.RecordingCloudWatch;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real handler acknowledges a probe once per destination that confirmed it, and only those: a
 * missing stream gets no acknowledgement, ordinary records get none.
 */
class ProbeAckIT extends LocalForwarding {

    @BeforeAll
    static void probeStreams() {
        createStream("pa11Stream", 1);
        createStream("pb22Stream", 1);
    }

    @Test
    void aTaggedRecordIsAcknowledgedForEachDestinationThatGotItAndNoOther() throws Exception {
        originalRow("pa11", "pa11Stream", false);
        originalRow("pb22", "pb22Stream", true);
        originalRow("pc33", "pc33Stream", false); // never created
        clients.kinesis.putRecord(
                b ->
                        b.streamName(SOURCE_NAME)
                                .partitionKey("key1")
                                .data(SdkBytes.fromUtf8String("{\"n\":1}")));
        clients.kinesis.putRecord(
                b ->
                        b.streamName(SOURCE_NAME)
                                .partitionKey(ProbeAck.partitionKeyOf("p-42"))
                                .data(SdkBytes.fromUtf8String("{\"probe\":\"p-42\"}")));
        List<Optional<AssumeRoleSpec>> roles = new CopyOnWriteArrayList<>();
        try (FanoutHandler handler =
                new FanoutHandler(
                        Map.of("AWS_REGION", "us-west-2", "FANOUT_MAX_CONCURRENCY", "4"),
                        new ForwarderServices(
                                clients.dynamo,
                                new RecordingCloudWatch(),
                                clients.factory(roles),
                                Clock.systemUTC()))) {
            invoke(handler, eventOf(read(SOURCE_NAME)));
        }

        Map<String, ProbeAck> acks =
                clients
                        .dynamo
                        .query(
                                b ->
                                        b.tableName("fanoutState")
                                                .keyConditionExpression("pk = :pk")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":pk",
                                                                AttributeValue.fromS(
                                                                        ProbeAck.partitionKey(
                                                                                "p-42")))))
                        .items()
                        .stream()
                        .map(ProbeAck::fromItem)
                        .collect(Collectors.toMap(ProbeAck::targetId, ack -> ack));
        assertThat(acks).containsOnlyKeys("pa11", "pb22");
        assertThat(acks.get("pa11").probeId()).isEqualTo("p-42");
        assertThat(
                        clients.dynamo.scan(b -> b.tableName("fanoutState")).items().stream()
                                .filter(item -> item.get("pk").s().startsWith("probe#"))
                                .count())
                .as("ordinary records are not acknowledged")
                .isEqualTo(2);
    }
}
