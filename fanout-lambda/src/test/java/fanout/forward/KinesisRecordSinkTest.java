package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class KinesisRecordSinkTest {
    private final AtomicReference<PutRecordsRequest> sent = new AtomicReference<>();
    private List<PutRecordsResultEntry> answer = List.of();
    private RuntimeException failure;

    private final KinesisClient client =
            new KinesisClient() {
                @Override
                public PutRecordsResponse putRecords(PutRecordsRequest request) {
                    sent.set(request);
                    if (failure != null) {
                        throw failure;
                    }
                    return PutRecordsResponse.builder().records(answer).build();
                }

                @Override
                public String serviceName() {
                    return "kinesis";
                }

                @Override
                public void close() {}
            };

    @Test
    void theRequestKeepsPartitionKeysExplicitHashKeysAndPayloadsInOrder() {
        SourceRecord source = Records.record(1, "agg", "ignored");
        answer =
                List.of(
                        PutRecordsResultEntry.builder().sequenceNumber("1").build(),
                        PutRecordsResultEntry.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .errorMessage("Rate exceeded")
                                .build(),
                        PutRecordsResultEntry.builder()
                                .errorCode("KMSDisabledException")
                                .errorMessage("key disabled")
                                .build());

        List<EntryOutcome> outcomes =
                new KinesisRecordSink(client, "ab12Stream")
                        .put(
                                List.of(
                                        PreparedRecord.sendable(
                                                source, 0, "user-1", null, bytes("one")),
                                        PreparedRecord.sendable(
                                                source,
                                                1,
                                                "user-2",
                                                "170141183460469231731687303715884105728",
                                                bytes("two")),
                                        PreparedRecord.sendable(
                                                source, 2, "user-1", null, bytes("three"))));

        PutRecordsRequest request = sent.get();
        assertThat(request.streamName()).isEqualTo("ab12Stream");
        assertThat(request.records())
                .extracting(e -> e.partitionKey())
                .containsExactly("user-1", "user-2", "user-1");
        assertThat(request.records())
                .extracting(e -> e.explicitHashKey())
                .containsExactly(null, "170141183460469231731687303715884105728", null);
        assertThat(request.records())
                .extracting(e -> e.data().asUtf8String())
                .containsExactly("one", "two", "three");
        assertThat(outcomes.get(0)).isInstanceOf(EntryOutcome.Delivered.class);
        assertThat(outcomes.get(1))
                .isInstanceOfSatisfying(
                        EntryOutcome.Retryable.class, r -> assertThat(r.throttled()).isTrue());
        assertThat(outcomes.get(2)).isInstanceOf(EntryOutcome.Rejected.class);
    }

    @Test
    void aNetworkFailureIsARetryableWholeCallFailure() {
        failure = SdkClientException.create("Connection reset");

        assertThatThrownBy(
                        () ->
                                new KinesisRecordSink(client, "s")
                                        .put(
                                                List.of(
                                                        Records.prepared(
                                                                Records.record(1, "k", "x")))))
                .isInstanceOfSatisfying(
                        SinkCallException.class,
                        e -> {
                            assertThat(e.permanent()).isFalse();
                            assertThat(e.getMessage()).contains("Connection reset");
                        });
    }

    @Test
    void anEntryCountsItsPayloadAndPartitionKeyAgainstTheLimits() {
        KinesisRecordSink sink = new KinesisRecordSink(client, "s");
        assertThat(
                        sink.size(
                                PreparedRecord.sendable(
                                        Records.record(1, "k", "x"),
                                        0,
                                        "kéy",
                                        null,
                                        bytes("12345"))))
                .isEqualTo(5 + 4);
        assertThat(sink.limits()).isEqualTo(new BatchLimits(500, 5L * 1024 * 1024, 1024L * 1024));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
