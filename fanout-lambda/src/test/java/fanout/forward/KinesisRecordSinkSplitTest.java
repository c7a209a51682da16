package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.record.PreparedRecord;
import fanout.testing.FakeKinesis;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class KinesisRecordSinkSplitTest {
    /** Refuses every call that holds a payload "bad", as Kinesis refuses a call for one entry. */
    private final List<Integer> callSizes = new ArrayList<>();

    private final KinesisClient client =
            new KinesisClient() {
                @Override
                public PutRecordsResponse putRecords(PutRecordsRequest request) {
                    callSizes.add(request.records().size());
                    for (PutRecordsRequestEntry entry : request.records()) {
                        if (entry.data().asUtf8String().equals("bad")) {
                            throw InvalidArgumentException.builder()
                                    .awsErrorDetails(
                                            FakeKinesis.details(
                                                    "InvalidArgumentException",
                                                    "1 validation error detected"))
                                    .statusCode(400)
                                    .build();
                        }
                    }
                    return PutRecordsResponse.builder()
                            .records(
                                    request.records().stream()
                                            .map(
                                                    e ->
                                                            PutRecordsResultEntry.builder()
                                                                    .sequenceNumber("1")
                                                                    .build())
                                            .toList())
                            .build();
                }

                @Override
                public String serviceName() {
                    return "kinesis";
                }

                @Override
                public void close() {}
            };

    private static PreparedRecord entry(int i, String data) {
        return PreparedRecord.sendable(
                Records.record(i, "k" + i, data),
                0,
                "k" + i,
                null,
                data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCallRefusedForOneBadEntryIsSplitSoOnlyThatEntryIsRejected() {
        List<PreparedRecord> entries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            entries.add(entry(i, i == 11 ? "bad" : "r" + i));
        }

        List<EntryOutcome> outcomes = new KinesisRecordSink(client, "ab12Stream").put(entries);

        assertThat(outcomes).hasSize(16);
        for (int i = 0; i < 16; i++) {
            if (i == 11) {
                assertThat(outcomes.get(i))
                        .isInstanceOfSatisfying(
                                EntryOutcome.Rejected.class,
                                r -> {
                                    assertThat(r.code()).isEqualTo("InvalidArgument");
                                    assertThat(r.message()).contains("validation error");
                                });
            } else {
                assertThat(outcomes.get(i)).isInstanceOf(EntryOutcome.Delivered.class);
            }
        }
        // 16 refused, then halves: at most two calls per level of the split.
        assertThat(callSizes).hasSizeLessThanOrEqualTo(1 + 2 * 4);
    }
}
