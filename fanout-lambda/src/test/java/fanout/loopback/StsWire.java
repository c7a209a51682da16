package fanout.loopback;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * STS AssumeRole (Query protocol, XML answer) and the credentials registry: every access key the
 * sink issued names its role and account, so a Kinesis call's signer says whose stream it writes.
 * The sink's clock can be moved forward (a container frozen past its credentials' expiry).
 */
final class StsWire {
    static final Duration SESSION = Duration.ofHours(1);
    private static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

    /** Who signed a call. */
    record Principal(String account, String roleArn) {
        Principal {
            Objects.requireNonNull(account, "account is required");
        }
    }

    private record Session(Principal principal, String token, Instant expires) {}

    private final SinkFaults faults;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> assumedPerRole = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private volatile Duration clockOffset = Duration.ZERO;
    private long windowSecond;
    private int windowCalls;

    StsWire(SinkFaults faults) {
        this.faults = faults;
    }

    /** A long-term key of an account's own (the function's role; no session token). */
    void ownKey(String accessKey, String sessionToken, String account) {
        sessions.put(
                accessKey, new Session(new Principal(account, null), sessionToken, Instant.MAX));
    }

    Instant now() {
        return Instant.now().plus(clockOffset);
    }

    Duration clockOffset() {
        return clockOffset;
    }

    void advanceClock(Duration by) {
        clockOffset = clockOffset.plus(by);
    }

    long assumeRoleCalls() {
        return assumedPerRole.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long throttledCalls() {
        return throttled.get();
    }

    WireResponse assumeRole(Map<String, String> form) {
        if (overRate()) {
            throttled.incrementAndGet();
            return WireResponse.queryError(400, "Throttling", "Rate exceeded");
        }
        String roleArn = form.getOrDefault("RoleArn", "");
        String[] parts = roleArn.split(":");
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[5].startsWith("role/")) {
            return WireResponse.queryError(
                    400, "ValidationError", "RoleArn is not a role ARN: " + roleArn);
        }
        String session = form.getOrDefault("RoleSessionName", "");
        if (session.length() < 2 || session.length() > 64) {
            return WireResponse.queryError(
                    400, "ValidationError", "RoleSessionName must be 2 to 64 characters");
        }
        assumedPerRole.computeIfAbsent(roleArn, r -> new AtomicLong()).incrementAndGet();
        long n = issued.incrementAndGet();
        String key = String.format("ASIA%016d", n);
        String token = "token-" + n;
        Instant expires = now().plus(SESSION).truncatedTo(ChronoUnit.SECONDS);
        sessions.put(key, new Session(new Principal(parts[4], roleArn), token, expires));
        String xml =
                "<AssumeRoleResponse xmlns=\""
                        + XMLNS
                        + "\"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROA"
                        + parts[4]
                        + ":"
                        + session
                        + "</AssumedRoleId><Arn>arn:aws:sts::"
                        + parts[4]
                        + ":assumed-role/"
                        + parts[5].substring("role/".length())
                        + "/"
                        + session
                        + "</Arn></AssumedRoleUser><Credentials><AccessKeyId>"
                        + key
                        + "</AccessKeyId><SecretAccessKey>secret-"
                        + n
                        + "</SecretAccessKey><SessionToken>"
                        + token
                        + "</SessionToken><Expiration>"
                        + expires
                        + "</Expiration></Credentials></AssumeRoleResult>"
                        + "<ResponseMetadata><RequestId>loopback-"
                        + n
                        + "</RequestId></ResponseMetadata></AssumeRoleResponse>";
        return WireResponse.of(200, WireResponse.XML, xml);
    }

    /** Who signed, or the error AWS answers for an unknown, mismatched or expired key. */
    Object principal(WireRequest request, String contentType) {
        Session session = sessions.get(request.accessKey());
        if (session == null) {
            return WireResponse.jsonError(
                    400,
                    contentType,
                    "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        if (!session.token().equals(request.securityToken())) {
            return WireResponse.jsonError(
                    400,
                    contentType,
                    "UnrecognizedClientException",
                    "The security token does not match the access key.");
        }
        if (!now().isBefore(session.expires())) {
            return WireResponse.jsonError(
                    400,
                    contentType,
                    "ExpiredTokenException",
                    "The security token included in the request is expired");
        }
        return session.principal();
    }

    private synchronized boolean overRate() {
        int limit = faults.stsCallsPerSecond();
        if (limit <= 0) {
            return false;
        }
        long second = System.currentTimeMillis() / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            windowCalls = 0;
        }
        windowCalls++;
        return windowCalls > limit;
    }
}
