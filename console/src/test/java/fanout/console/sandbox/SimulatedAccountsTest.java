package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.forward.AssumeRoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

class SimulatedAccountsTest {
    private static final String ADA_ROLE = "arn:aws:iam::111122223333:role/ab12StreamWriter";
    private static final String UGO_ROLE = "arn:aws:iam::999900001111:role/uv66StreamWriter";
    private static final String WANDA_ROLE = "arn:aws:iam::333344445555:role/wx77StreamWriter";

    private final RecordingKinesalite kinesalite = new RecordingKinesalite();
    private final List<String> deliveries = new ArrayList<>();
    private final SimulatedAccounts accounts =
            new SimulatedAccounts(
                    kinesalite,
                    new SimulatedClass(
                            List.of(
                                    student("ab12", "111122223333", StudentCondition.HEALTHY),
                                    student(
                                            "st55",
                                            "888899990000",
                                            StudentCondition.MISSING_STREAM),
                                    student("uv66", "999900001111", StudentCondition.DENIED_ROLE),
                                    student("wx77", "333344445555", StudentCondition.THROTTLED))),
                    (id, records) -> deliveries.add(id + ":" + records),
                    "arn:aws:sts::123456789012:assumed-role/fanoutRole/fanout");

    private static SimulatedStudent student(String id, String account, StudentCondition condition) {
        return new SimulatedStudent(
                id,
                account,
                "us-west-2",
                "arn:aws:kinesis:us-west-2:" + account + ":stream/" + id + "Stream",
                "arn:aws:iam::" + account + ":role/" + id + "StreamWriter",
                condition);
    }

    private static Optional<AssumeRoleSpec> role(String arn) {
        return Optional.of(new AssumeRoleSpec(arn, Optional.empty(), "fanout-test"));
    }

    private static PutRecordsRequest put(String streamName, String streamArn, int entries) {
        List<PutRecordsRequestEntry> records = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            records.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey("k" + i)
                            .data(SdkBytes.fromUtf8String("r" + i))
                            .build());
        }
        return PutRecordsRequest.builder()
                .streamName(streamName)
                .streamARN(streamArn)
                .records(records)
                .build();
    }

    @Test
    void aStudentsStreamLivesInKinesaliteUnderTheirAccountAndRegion() {
        KinesisClient ada = accounts.forDestination("us-west-2", role(ADA_ROLE));

        ada.putRecords(put("ab12Stream", null, 2));
        ada.putRecords(put(null, "arn:aws:kinesis:us-west-2:111122223333:stream/ab12Stream", 1));
        ada.putRecords(put("ab12Stream", null, 1));

        assertThat(kinesalite.puts)
                .extracting(PutRecordsRequest::streamName)
                .containsOnly("111122223333.us-west-2.ab12Stream");
        assertThat(kinesalite.puts).allMatch(p -> p.streamARN() == null);
        assertThat(deliveries).containsExactly("ab12:2", "ab12:1", "ab12:1");
    }

    @Test
    void answersSpeakTheStudentsNamesNotKinesalites() {
        KinesisClient ada = accounts.forDestination("us-west-2", role(ADA_ROLE));

        StreamDescriptionSummary summary =
                ada.describeStreamSummary(r -> r.streamName("ab12Stream"))
                        .streamDescriptionSummary();
        assertThat(summary.streamName()).isEqualTo("ab12Stream");
        assertThat(summary.streamARN())
                .isEqualTo("arn:aws:kinesis:us-west-2:111122223333:stream/ab12Stream");

        assertThatThrownBy(() -> ada.describeStreamSummary(r -> r.streamName("missingStream")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Stream missingStream under account 111122223333 not found")
                .hasMessageNotContaining("000000000000");
    }

    @Test
    void aRoleThatDoesNotTrustTheFanoutRoleFailsWithAccessDeniedOnUse() {
        for (String roleArn : List.of(UGO_ROLE, "arn:aws:iam::111122223333:role/someoneElse")) {
            KinesisClient client = accounts.forDestination("us-west-2", role(roleArn));

            assertThatThrownBy(() -> client.putRecords(put("uv66Stream", null, 1)))
                    .isInstanceOfSatisfying(
                            AwsServiceException.class,
                            e -> {
                                assertThat(e.awsErrorDetails().errorCode())
                                        .isEqualTo("AccessDenied");
                                assertThat(e.statusCode()).isEqualTo(403);
                            })
                    .hasMessageContaining("sts:AssumeRole")
                    .hasMessageContaining(roleArn);
        }
        assertThat(kinesalite.puts).isEmpty();
    }

    @Test
    void aThrottledStudentRefusesFortyPercentOfEachCallPerEntry() {
        KinesisClient wanda = accounts.forDestination("us-west-2", role(WANDA_ROLE));

        PutRecordsResponse response = wanda.putRecords(put("wx77Stream", null, 10));

        assertThat(response.failedRecordCount()).isEqualTo(4);
        assertThat(response.records()).hasSize(10);
        assertThat(response.records())
                .filteredOn(r -> r.errorCode() != null)
                .extracting(PutRecordsResultEntry::errorCode)
                .containsOnly("ProvisionedThroughputExceededException");
        assertThat(response.records())
                .filteredOn(r -> r.errorCode() == null)
                .allMatch(r -> r.sequenceNumber() != null);
        assertThat(kinesalite.puts.get(0).records()).hasSize(6);
        assertThat(deliveries).containsExactly("wx77:6");
    }

    @Test
    void theThrottleShareHoldsAcrossSmallRetries() {
        ThrottleSchedule schedule = new ThrottleSchedule(0.4);
        int refused = 0;
        for (int call = 0; call < 10; call++) {
            for (boolean entry : schedule.next(1)) {
                refused += entry ? 1 : 0;
            }
        }
        assertThat(refused).isEqualTo(4);
    }

    @Test
    void aDestinationWithoutARoleIsTheLeadersOwnAccount() {
        accounts.forDestination("us-west-2", Optional.empty()).putRecords(put("mine", null, 1));

        assertThat(kinesalite.puts.get(0).streamName()).isEqualTo("123456789012.us-west-2.mine");
    }

    /** kinesalite as far as these tests need: streams that exist answer, others are missing. */
    static final class RecordingKinesalite implements KinesisClient {
        final List<PutRecordsRequest> puts = new ArrayList<>();

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            puts.add(request);
            List<PutRecordsResultEntry> results = new ArrayList<>();
            for (int i = 0; i < request.records().size(); i++) {
                results.add(
                        PutRecordsResultEntry.builder()
                                .sequenceNumber("seq-" + i)
                                .shardId("shardId-000000000000")
                                .build());
            }
            return PutRecordsResponse.builder().records(results).failedRecordCount(0).build();
        }

        @Override
        public DescribeStreamSummaryResponse describeStreamSummary(
                DescribeStreamSummaryRequest request) {
            if (!request.streamName().endsWith("ab12Stream")) {
                String message =
                        "Stream " + request.streamName() + " under account 000000000000 not found.";
                throw ResourceNotFoundException.builder()
                        .message(message)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("ResourceNotFoundException")
                                        .errorMessage(message)
                                        .build())
                        .build();
            }
            return DescribeStreamSummaryResponse.builder()
                    .streamDescriptionSummary(
                            StreamDescriptionSummary.builder()
                                    .streamName(request.streamName())
                                    .streamARN(
                                            "arn:aws:kinesis:us-east-1:000000000000:stream/"
                                                    + request.streamName())
                                    .streamStatus(StreamStatus.ACTIVE)
                                    .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }
}
