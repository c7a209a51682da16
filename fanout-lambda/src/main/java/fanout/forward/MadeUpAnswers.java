package fanout.forward;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The answers priming reads instead of AWS's, on the wire as AWS writes them: STS's AssumeRole with
 * made-up credentials, Kinesis's PutRecords with every entry accepted. Shared by the direct path's
 * priming steps and the in-memory services of a snapshot's priming invocations.
 */
public final class MadeUpAnswers {
    private MadeUpAnswers() {}

    /** AssumeRole's XML answer, the session ending at {@code expiration}. */
    public static byte[] assumeRole(Instant expiration) {
        return ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleResult><Credentials>"
                        + "<AccessKeyId>ASIAPRIMING</AccessKeyId>"
                        + "<SecretAccessKey>priming</SecretAccessKey>"
                        + "<SessionToken>priming</SessionToken>"
                        + "<Expiration>"
                        + expiration
                        + "</Expiration>"
                        + "</Credentials></AssumeRoleResult></AssumeRoleResponse>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** PutRecords' JSON answer accepting all of {@code entries}. */
    public static byte[] putRecords(int entries) {
        StringBuilder json = new StringBuilder("{\"FailedRecordCount\":0,\"Records\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"SequenceNumber\":\"1\",\"ShardId\":\"shardId-000000000000\"}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
