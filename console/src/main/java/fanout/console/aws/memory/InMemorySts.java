package fanout.console.aws.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS for one caller in one account: GetCallerIdentity, and AssumeRole for roles that {@link
 * InMemoryIam} knows (AccessDenied otherwise). Credentials are fake and expire after an hour of the
 * injected clock. Thread-safe.
 */
public final class InMemorySts implements StsClient {
    private static final Duration SESSION = Duration.ofHours(1);

    private final String account;
    private final String callerArn;
    private final InMemoryIam iam;
    private final Clock clock;
    private final AtomicLong sessions = new AtomicLong();

    public InMemorySts(String account, InMemoryIam iam, Clock clock) {
        this(account, "arn:aws:iam::" + account + ":user/workshop-leader", iam, clock);
    }

    public InMemorySts(String account, String callerArn, InMemoryIam iam, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.callerArn = Objects.requireNonNull(callerArn, "callerArn");
        this.iam = Objects.requireNonNull(iam, "iam");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        return GetCallerIdentityResponse.builder()
                .account(account)
                .arn(callerArn)
                .userId("AIDA" + Integer.toHexString(callerArn.hashCode()).toUpperCase())
                .build();
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity() {
        return getCallerIdentity(GetCallerIdentityRequest.builder().build());
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        InMemoryIam.RoleView role =
                iam.role(request.roleArn() == null ? "" : request.roleArn())
                        .orElseThrow(
                                () ->
                                        AwsFaults.<StsException>fault(
                                                StsException.builder(),
                                                "Sts",
                                                "AccessDenied",
                                                403,
                                                "User: "
                                                        + callerArn
                                                        + " is not authorized to perform:"
                                                        + " sts:AssumeRole on resource: "
                                                        + request.roleArn()));
        long session = sessions.incrementAndGet();
        String sessionName =
                request.roleSessionName() == null ? "session" : request.roleSessionName();
        return AssumeRoleResponse.builder()
                .assumedRoleUser(
                        AssumedRoleUser.builder()
                                .arn(
                                        "arn:aws:sts::"
                                                + role.arn().split(":")[4]
                                                + ":assumed-role/"
                                                + role.name()
                                                + "/"
                                                + sessionName)
                                .assumedRoleId(role.roleId() + ":" + sessionName)
                                .build())
                .credentials(
                        Credentials.builder()
                                .accessKeyId("ASIAFAKE" + session)
                                .secretAccessKey("fake-secret-" + session)
                                .sessionToken("fake-token-" + session)
                                .expiration(clock.instant().plus(SESSION))
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
