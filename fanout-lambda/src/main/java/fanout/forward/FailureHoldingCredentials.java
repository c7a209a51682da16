package fanout.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Remembers a failed AssumeRole for a while and answers the same failure without calling STS: 50
 * students whose roles are broken would otherwise call STS on every batch and get the whole
 * function's AssumeRole throttled, healthy students included. Transient failures (throttling, STS
 * unavailable, network) are held only briefly.
 */
final class FailureHoldingCredentials implements AwsCredentialsProvider {
    /** A broken role is tried again after this long (students fix roles in minutes). */
    static final Duration HOLD = Duration.ofSeconds(30);

    static final Duration TRANSIENT_HOLD = Duration.ofSeconds(2);

    private final AwsCredentialsProvider delegate;
    private final Clock clock;
    private volatile Held held;

    FailureHoldingCredentials(AwsCredentialsProvider delegate, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        Held last = held;
        if (last != null && clock.instant().isBefore(last.until())) {
            throw last.failure();
        }
        try {
            AwsCredentials credentials = delegate.resolveCredentials();
            held = null;
            return credentials;
        } catch (RuntimeException e) {
            SinkCallException kind = AwsFailures.classify(e);
            Duration hold = kind.later() || kind.permanent() ? HOLD : TRANSIENT_HOLD;
            held = new Held(e, clock.instant().plus(hold));
            throw e;
        }
    }

    private record Held(RuntimeException failure, Instant until) {}
}
