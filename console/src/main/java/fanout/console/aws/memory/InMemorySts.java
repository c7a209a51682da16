package fanout.console.aws.memory;

import fanout.console.aws.policy.AccessDenied;
import fanout.console.aws.policy.AccessRequest;
import fanout.console.aws.policy.Caller;
import fanout.console.aws.policy.Decision;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
 * STS for one caller in one account: GetCallerIdentity (no permission needed, as on AWS), and
 * AssumeRole when the caller's identity policies allow sts:AssumeRole on the role and the role's
 * trust policy trusts the caller (principal bound to its unique id, sts:ExternalId); AccessDenied
 * otherwise. Credentials are fake and expire after an hour of the injected clock. Thread-safe.
 */
public final class InMemorySts extends InMemoryClient implements StsClient {
    private static final Duration SESSION = Duration.ofHours(1);

    private final String account;
    private final Caller caller;
    private final InMemoryIam iam;
    private final Clock clock;
    private final AtomicLong sessions = new AtomicLong();

    /** STS for the leader, an administrator of the account. */
    public InMemorySts(String account, InMemoryIam iam, Clock clock) {
        this(Caller.administrator("arn:aws:iam::" + account + ":user/workshop-leader"), iam, clock);
    }

    public InMemorySts(String account, String callerArn, InMemoryIam iam, Clock clock) {
        this(Caller.administrator(callerArn), iam, clock);
    }

    /** STS for {@code caller}, whose identity policies must allow each AssumeRole. */
    public InMemorySts(Caller caller, InMemoryIam iam, Clock clock) {
        super(SERVICE_NAME);
        this.caller = Objects.requireNonNull(caller, "caller");
        this.account = caller.account();
        this.iam = Objects.requireNonNull(iam, "iam");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        return GetCallerIdentityResponse.builder()
                .account(account)
                .arn(caller.arn())
                .userId("AIDA" + Integer.toHexString(caller.arn().hashCode()).toUpperCase())
                .build();
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity() {
        return getCallerIdentity(GetCallerIdentityRequest.builder().build());
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        String roleArn = request.roleArn() == null ? "" : request.roleArn();
        AccessRequest access = new AccessRequest("sts:AssumeRole", roleArn);
        Decision decision = caller.decide(access);
        if (decision != Decision.ALLOWED) {
            throw (StsException)
                    AccessDenied.of("sts", AccessDenied.message(caller, access, decision));
        }
        // STS answers the same whether the role is missing or does not trust the caller.
        RoleView role =
                iam.role(roleArn)
                        .filter(
                                r ->
                                        iam.trusts(
                                                roleArn,
                                                caller.arn(),
                                                Optional.ofNullable(request.externalId())))
                        .orElseThrow(
                                () ->
                                        (StsException)
                                                AccessDenied.of(
                                                        "sts",
                                                        "User: "
                                                                + caller.arn()
                                                                + " is not authorized to perform:"
                                                                + " sts:AssumeRole on resource: "
                                                                + roleArn));
        long session = sessions.incrementAndGet();
        String sessionName =
                request.roleSessionName() == null ? "session" : request.roleSessionName();
        return AssumeRoleResponse.builder()
                .assumedRoleUser(
                        AssumedRoleUser.builder()
                                .arn(
                                        "arn:"
                                                + caller.partition()
                                                + ":sts::"
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
}
