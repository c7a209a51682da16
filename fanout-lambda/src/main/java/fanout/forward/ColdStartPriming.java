package fanout.forward;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The direct path's own work run once on made-up values, with no call to AWS: what the first
 * batch's 32 destination threads would otherwise all wait on together (class loading and static
 * set-up of the XML reader for AssumeRole's answers, the HMAC and SHA-256 providers behind SigV4,
 * the body encoder, the PutRecords answer reader). Run on a thread of its own beside the first
 * invocation's mapping and cursor reads, it takes that work off the first batch's critical path
 * ({@link StsKinesisClientFactory#prime} runs it).
 */
final class ColdStartPriming {
    private static final String STREAM = "fanout-priming";

    private static final byte[] ASSUME_ROLE_ANSWER =
            MadeUpAnswers.assumeRole(Instant.parse("2000-01-01T00:00:00Z"));

    private static final byte[] PUT_RECORDS_ANSWER = MadeUpAnswers.putRecords(1);

    private ColdStartPriming() {}

    /**
     * Runs the direct path's local steps once for {@code endpoint} (signing only, never sending);
     * the body goes into a bodies cache of its own, so nothing of it stays in the destinations'.
     */
    static void directPath(DirectKinesisEndpoint endpoint) {
        SourceRecord source =
                new SourceRecord(
                        "arn:aws:kinesis:" + endpoint.region() + ":000000000000:stream/" + STREAM,
                        "shardId-000000000000:1",
                        "shardId-000000000000",
                        "1",
                        "priming",
                        new byte[] {'{', '}'},
                        Instant.EPOCH);
        PreparedRecord record = PreparedRecord.sendable(source, 0, "priming", null, source.data());
        List<PreparedRecord> entries = List.of(record);
        PutRecordsBody body = new PutRecordsBodies().body(STREAM, entries);
        var credentials = AssumeRoleAnswers.credentials(ASSUME_ROLE_ANSWER);
        endpoint.sign(
                body,
                AwsSessionCredentials.create(
                        credentials.accessKeyId(),
                        credentials.secretAccessKey(),
                        credentials.sessionToken()));
        DirectAssumeRole.form(
                AssumeRoleRequest.builder()
                        .roleArn("arn:aws:iam::000000000000:role/" + STREAM)
                        .roleSessionName(STREAM)
                        .build());
        PutRecordsAnswers.outcomes(new ByteArrayInputStream(PUT_RECORDS_ANSWER), entries);
    }
}
