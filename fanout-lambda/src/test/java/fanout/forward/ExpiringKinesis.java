package fanout.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/** Refuses tokens AWS considers expired, as Kinesis does, and records the accepted ones. */
final class ExpiringKinesis implements KinesisClient {
    final Set<String> expired = ConcurrentHashMap.newKeySet();
    final List<String> accepted = new ArrayList<>();

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        String token =
                ((AwsSessionCredentials)
                                request.overrideConfiguration()
                                        .orElseThrow()
                                        .credentialsProvider()
                                        .orElseThrow()
                                        .resolveCredentials())
                        .sessionToken();
        if (expired.contains(token)) {
            throw expired();
        }
        accepted.add(token);
        return PutRecordsResponse.builder().records(List.of()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}

    static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
    }

    static KinesisException expired() {
        return (KinesisException)
                KinesisException.builder()
                        .awsErrorDetails(details("ExpiredTokenException"))
                        .statusCode(400)
                        .build();
    }
}
