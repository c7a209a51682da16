package fanout.forward;

import fanout.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** Issues a new token per AssumeRole, valid for an hour by the given clock. */
final class IssuingSts implements StsClient {
    private final ManualClock clock;
    final List<Instant> calls = new ArrayList<>();
    private int issued;
    volatile boolean failing;

    IssuingSts(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        calls.add(clock.instant());
        if (failing) {
            throw StsException.builder()
                    .awsErrorDetails(ExpiringKinesis.details("ServiceUnavailable"))
                    .statusCode(503)
                    .build();
        }
        issued++;
        return AssumeRoleResponse.builder()
                .credentials(
                        Credentials.builder()
                                .accessKeyId("ASIA" + issued)
                                .secretAccessKey("secret")
                                .sessionToken("token-" + issued)
                                .expiration(clock.instant().plus(Duration.ofHours(1)))
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
