package fanout.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** The loopback sink through the real SDK clients: roles, accounts, faults, expiry. */
class LoopbackAwsTest {
    private static final String OWN = "ASIAOWNKEY0000000001";
    private final LoopbackAws sink = LoopbackAws.start(URI.create("http://127.0.0.1:9"));

    @AfterEach
    void close() {
        sink.close();
    }

    @Test
    void aRecordWrittenUnderAStudentsRoleLandsInThatStudentsAccountOnly() {
        sink.streams().create("200000000001", "studentStream");
        sink.streams().create("200000000002", "studentStream");
        try (KinesisClient kinesis = kinesisAs("arn:aws:iam::200000000002:role/writer")) {
            PutRecordsResponse response =
                    kinesis.putRecords(b -> b.streamName("studentStream").records(entries(3)));

            assertThat(response.failedRecordCount()).isZero();
            assertThat(sink.streams().deliveries("200000000002", "studentStream"))
                    .extracting(LoopbackStreams.Delivery::identity)
                    .containsExactly("r0", "r1", "r2");
            assertThat(sink.streams().deliveries("200000000001", "studentStream")).isEmpty();
        }
    }

    @Test
    void theSinkCountsTheCpuItsRequestThreadsSpentAnsweringAndItOnlyGrows() {
        sink.streams().create("200000000006", "studentStream");
        try (KinesisClient kinesis = kinesisAs("arn:aws:iam::200000000006:role/writer")) {
            kinesis.putRecords(b -> b.streamName("studentStream").records(entries(50)));
            Duration first = sink.cpu();
            kinesis.putRecords(b -> b.streamName("studentStream").records(entries(50)));

            assertThat(first).isPositive();
            assertThat(sink.cpu()).isGreaterThanOrEqualTo(first);
        }
    }

    @Test
    void sequenceNumbersGrowByOneAcrossCallsAsTheReadersParseThem() {
        sink.streams().create("200000000007", "studentStream");
        try (KinesisClient kinesis = kinesisAs("arn:aws:iam::200000000007:role/writer")) {
            List<java.math.BigInteger> numbers = new java.util.ArrayList<>();
            for (int call = 0; call < 3; call++) {
                kinesis.putRecords(b -> b.streamName("studentStream").records(entries(4)))
                        .records()
                        .forEach(r -> numbers.add(new java.math.BigInteger(r.sequenceNumber())));
            }

            assertThat(numbers).hasSize(12);
            for (int i = 1; i < numbers.size(); i++) {
                assertThat(numbers.get(i))
                        .isEqualTo(numbers.get(i - 1).add(java.math.BigInteger.ONE));
            }
        }
    }

    @Test
    void aCallSignedWithAKeyTheSinkNeverIssuedIsRefused() {
        sink.streams().create("200000000008", "studentStream");
        try (KinesisClient kinesis =
                KinesisClient.builder()
                        .endpointOverride(sink.endpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsSessionCredentials.create(
                                                "ASIAFORGED0000000001", "secret", "token")))
                        .build()) {
            assertRefusedWith(kinesis, "UnrecognizedClientException");
            assertThat(sink.streams().deliveries("200000000008", "studentStream")).isEmpty();
        }
    }

    @Test
    void aThrottledShareFailsThatShareOfTheEntriesEachWithItsErrorCode() {
        sink.streams().create("200000000003", "studentStream");
        sink.faults().stream("200000000003", new SinkFaults.StreamFault.Throttled(0.25));
        try (KinesisClient kinesis = kinesisAs("arn:aws:iam::200000000003:role/writer")) {
            PutRecordsResponse response =
                    kinesis.putRecords(b -> b.streamName("studentStream").records(entries(8)));

            assertThat(response.failedRecordCount()).isEqualTo(2);
            assertThat(response.records())
                    .filteredOn(r -> r.errorCode() != null)
                    .allSatisfy(
                            r ->
                                    assertThat(r.errorCode())
                                            .isEqualTo("ProvisionedThroughputExceededException"));
            assertThat(sink.streams().deliveries("200000000003", "studentStream")).hasSize(6);
        }
    }

    @Test
    void credentialsIssuedBeforeTheClockJumpedPastTheirExpiryAreRefusedAsExpired() {
        sink.streams().create("200000000004", "studentStream");
        try (KinesisClient kinesis = kinesisAs("arn:aws:iam::200000000004:role/writer")) {
            kinesis.putRecords(b -> b.streamName("studentStream").records(entries(1)));
            sink.advanceClock(Duration.ofMinutes(70));

            assertRefusedWith(kinesis, "ExpiredTokenException");
        }
    }

    @Test
    void aDeletedStreamAnswersResourceNotFound() {
        sink.streams().create("200000000005", "studentStream");
        sink.streams().delete("200000000005", "studentStream");
        try (KinesisClient kinesis = kinesisAs("arn:aws:iam::200000000005:role/writer")) {
            assertThatThrownBy(
                            () ->
                                    kinesis.putRecords(
                                            b -> b.streamName("studentStream").records(entries(1))))
                    .isInstanceOf(
                            software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException
                                    .class);
        }
    }

    private static void assertRefusedWith(KinesisClient kinesis, String errorCode) {
        assertThatThrownBy(
                        () ->
                                kinesis.putRecords(
                                        b -> b.streamName("studentStream").records(entries(1))))
                .isInstanceOf(KinesisException.class)
                .satisfies(
                        e ->
                                assertThat(((KinesisException) e).awsErrorDetails().errorCode())
                                        .isEqualTo(errorCode));
    }

    private KinesisClient kinesisAs(String role) {
        sink.ownKey(OWN, "own-token", "123456789012");
        StaticCredentialsProvider own =
                StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(OWN, "secret", "own-token"));
        StsClient sts =
                StsClient.builder()
                        .endpointOverride(sink.endpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(own)
                        .build();
        return KinesisClient.builder()
                .endpointOverride(sink.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(
                        StsAssumeRoleCredentialsProvider.builder()
                                .stsClient(sts)
                                .refreshRequest(r -> r.roleArn(role).roleSessionName("fanout-test"))
                                .build())
                .build();
    }

    private static List<PutRecordsRequestEntry> entries(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(
                        i ->
                                PutRecordsRequestEntry.builder()
                                        .partitionKey("k" + i)
                                        .data(
                                                SdkBytes.fromString(
                                                        "{\"fid\":\"r" + i + "\"}",
                                                        StandardCharsets.UTF_8))
                                        .build())
                .toList();
    }
}
