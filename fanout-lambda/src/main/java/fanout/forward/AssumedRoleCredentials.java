package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One role's assumed credentials, cached by the function's injected clock and assumed again,
 * synchronously, once they are within {@code prefetch} of their expiry. A Lambda container is
 * frozen between invocations, so no background refresh can be relied on: after a freeze the first
 * call finds them old and refreshes before use. Should the refresh fail, credentials still more
 * than {@code stale} from expiry are used meanwhile. And when a service answers that the session
 * expired anyway (a clock that disagrees with AWS's, a session revoked), {@link #expired(long)}
 * drops them so the next call assumes the role again, and tells {@link ExpiredSessions} so the
 * other roles do too.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider {
    private final AssumeRoleCall sts;
    private final AssumeRoleRequest request;
    private final Clock clock;
    private final Duration prefetch;
    private final Duration stale;
    private final ExpiredSessions expiries;
    private volatile Session current;
    private long issued;

    AssumedRoleCredentials(
            AssumeRoleCall sts,
            AssumeRoleRequest request,
            Clock clock,
            Duration prefetch,
            Duration stale,
            ExpiredSessions expiries) {
        this.expiries = Objects.requireNonNull(expiries, "expiries is required");
        this.sts = Objects.requireNonNull(sts, "sts is required");
        this.request = Objects.requireNonNull(request, "request is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.prefetch = Objects.requireNonNull(prefetch, "prefetch is required");
        this.stale = Objects.requireNonNull(stale, "stale is required");
        if (stale.compareTo(prefetch) > 0) {
            throw new IllegalArgumentException("stale must not exceed prefetch");
        }
    }

    @Override
    public AwsCredentials resolveCredentials() {
        Session session = current;
        if (session != null && fresh(session, clock.instant())) {
            return session.credentials();
        }
        return refresh(session);
    }

    /**
     * Which credentials a call is about to use: pass it to {@link #expired(long)} if the call is
     * refused as expired, so that credentials another call already renewed are not dropped.
     */
    long generation() {
        Session session = current;
        return session == null ? 0 : session.generation();
    }

    /**
     * A service refused the credentials of {@code generation} as expired: never use them again.
     * Generation 0 (none were cached before the call) means the first ones, assumed by that call.
     */
    synchronized void expired(long generation) {
        Session session = current;
        if (session != null && session.generation() <= Math.max(generation, 1)) {
            current = null;
        }
        expiries.refused();
    }

    private synchronized AwsCredentials refresh(Session seen) {
        Session session = current;
        Instant now = clock.instant();
        if (session != null && session != seen && fresh(session, now)) {
            return session.credentials(); // another call refreshed them meanwhile
        }
        try {
            long epoch = expiries.epoch();
            Credentials assumed = sts.assume(request);
            Session renewed =
                    new Session(
                            AwsSessionCredentials.create(
                                    assumed.accessKeyId(),
                                    assumed.secretAccessKey(),
                                    assumed.sessionToken()),
                            assumed.expiration(),
                            ++issued,
                            epoch);
            current = renewed;
            return renewed.credentials();
        } catch (RuntimeException e) {
            if (session != null && now.isBefore(session.expires().minus(stale))) {
                return session.credentials(); // still good for a while: try again next call
            }
            throw e;
        }
    }

    private boolean fresh(Session session, Instant now) {
        return now.isBefore(session.expires().minus(prefetch))
                && session.epoch() >= expiries.epoch();
    }

    private record Session(
            AwsSessionCredentials credentials, Instant expires, long generation, long epoch) {
        Session {
            Objects.requireNonNull(credentials, "credentials is required");
            Objects.requireNonNull(expires, "expires is required");
        }
    }
}
