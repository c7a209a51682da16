package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fanout.record.PreparedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The direct PutRecords path against real Kinesis, opt-in only ({@code mvn -B -Paws -pl
 * fanout-lambda -am verify -Dfanout.aws.stream=NAME [-Dfanout.aws.region=eu-west-1]}): AWS accepts
 * its signature and body, and refuses what it refuses exactly as it refuses the SDK path. Writes
 * two small records to the named stream (which must exist); without the property it is skipped.
 */
class DirectPutRecordsAwsIT {
    private static final String STREAM = System.getProperty("fanout.aws.stream", "");
    private static final String REGION = RealAws.REGION;

    private static RealAws aws;
    private static KinesisClient sdk;

    @BeforeAll
    static void clients() {
        assumeTrue(!STREAM.isBlank(), "-Dfanout.aws.stream names the stream to write to");
        aws = RealAws.open();
        sdk = aws.sdk(KinesisClient.builder());
    }

    @AfterAll
    static void close() {
        if (sdk != null) {
            sdk.close();
            aws.close();
        }
    }

    private static KinesisRecordSink direct(String stream, AwsCredentialsProvider with) {
        Clock clock = Clock.systemUTC();
        return new KinesisRecordSink(
                new DirectPutRecords(
                        new DirectKinesisEndpoint(
                                aws.http(),
                                DirectKinesisEndpoint.of(sdk, REGION),
                                REGION,
                                aws.timers(),
                                clock,
                                StsKinesisClientFactory.CALL_ATTEMPT_TIMEOUT),
                        new PutRecordsBodies(),
                        with,
                        null,
                        clock,
                        StsKinesisClientFactory.CALL_TIMEOUT),
                stream);
    }

    private static List<PreparedRecord> records() {
        return List.of(
                PreparedRecord.sendable(
                        Records.record(1, "k1", "x"),
                        0,
                        "fanout-aws-it",
                        null,
                        "{\"direct\":true}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void kinesisAcceptsTheDirectPathsSignedRequestAsItAcceptsTheSdks() {
        assertThat(new KinesisRecordSink(sdk, STREAM).put(records()))
                .containsExactly(new EntryOutcome.Delivered());
        assertThat(direct(STREAM, aws.credentials()).put(records()))
                .containsExactly(new EntryOutcome.Delivered());
    }

    @Test
    void aMissingStreamAndABadSignatureAreRefusedAlikeOnBothPaths() {
        String missing = STREAM + "-missing-" + System.nanoTime();
        SinkCallException bySdk =
                catchThrowableOfType(
                        () -> new KinesisRecordSink(sdk, missing).put(records()),
                        SinkCallException.class);
        SinkCallException byDirect =
                catchThrowableOfType(
                        () -> direct(missing, aws.credentials()).put(records()),
                        SinkCallException.class);
        assertThat(byDirect.code()).isEqualTo(bySdk.code()).isEqualTo("ResourceNotFound");

        AwsCredentialsProvider wrong =
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                                aws.credentials().resolveCredentials().accessKeyId(),
                                "not-the-secret"));
        SinkCallException badSignature =
                catchThrowableOfType(
                        () -> direct(STREAM, wrong).put(records()), SinkCallException.class);
        assertThat(badSignature.kind()).isEqualTo(SinkCallException.Kind.PERMANENT);
    }
}
